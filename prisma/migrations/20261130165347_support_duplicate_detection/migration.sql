-- CreateIndex
CREATE INDEX "Address_line1_trgm_idx" ON "Address" USING GIN ("line1" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_idNumber_idx" ON "Customer"("idNumber");
