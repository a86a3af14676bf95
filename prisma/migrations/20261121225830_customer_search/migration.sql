-- Trigram matching for the admin customer search (a trusted extension shipped with PostgreSQL contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Customer_search_trgm_idx" ON "Customer" USING GIN ("accountNumber" gin_trgm_ops, "firstName" gin_trgm_ops, "lastName" gin_trgm_ops, "companyName" gin_trgm_ops, "email" gin_trgm_ops, "phone" gin_trgm_ops);
