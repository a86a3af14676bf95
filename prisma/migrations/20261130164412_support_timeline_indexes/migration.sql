-- DropIndex
DROP INDEX "Contract_customerId_idx";

-- DropIndex
DROP INDEX "CreditNote_customerId_idx";

-- DropIndex
DROP INDEX "Notification_customerId_idx";

-- CreateIndex
CREATE INDEX "Contract_customerId_signedAt_idx" ON "Contract"("customerId", "signedAt");

-- CreateIndex
CREATE INDEX "CreditNote_customerId_issuedAt_idx" ON "CreditNote"("customerId", "issuedAt");

-- CreateIndex
CREATE INDEX "Notification_customerId_createdAt_idx" ON "Notification"("customerId", "createdAt");
