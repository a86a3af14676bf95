-- DropIndex
DROP INDEX "Customer_search_trgm_idx";

-- CreateIndex
CREATE INDEX "Customer_accountNumber_trgm_idx" ON "Customer" USING GIN ("accountNumber" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_firstName_trgm_idx" ON "Customer" USING GIN ("firstName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_lastName_trgm_idx" ON "Customer" USING GIN ("lastName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_companyName_trgm_idx" ON "Customer" USING GIN ("companyName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_email_trgm_idx" ON "Customer" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_phone_trgm_idx" ON "Customer" USING GIN ("phone" gin_trgm_ops);
