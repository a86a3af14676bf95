-- CreateIndex
CREATE INDEX "Invoice_issueDate_status_total_idx" ON "Invoice"("issueDate", "status", "total");

-- CreateIndex
CREATE INDEX "MrrSnapshot_day_customerId_mrr_idx" ON "MrrSnapshot"("day", "customerId", "mrr");

-- CreateIndex
CREATE INDEX "Payment_receivedOn_status_method_provider_amount_idx" ON "Payment"("receivedOn", "status", "method", "provider", "amount");
