-- pg_trgm ships with PostgreSQL (contrib) and is available on managed services; Prisma does not
-- manage extensions without a preview feature, so it is created here, before the index needing it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "ServiceableAddress_searchText_trgm_idx" ON "ServiceableAddress" USING GIN ("searchText" gin_trgm_ops);
