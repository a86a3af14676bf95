-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "checkoutHash" TEXT,
ADD COLUMN     "heldForUserId" TEXT;

-- CreateIndex
CREATE INDEX "Order_heldForUserId_idx" ON "Order"("heldForUserId");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_heldForUserId_fkey" FOREIGN KEY ("heldForUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A signed contract stays as signed; only the account that holds it may change, when the
-- holder of an existing login confirms an order placed with their email (claim-held-order).
CREATE FUNCTION lastmile_contract_holder_only() RETURNS trigger AS $$
BEGIN
  IF (to_jsonb(NEW) - 'customerId') IS DISTINCT FROM (to_jsonb(OLD) - 'customerId') THEN
    RAISE EXCEPTION '% rows cannot be changed once written', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
DROP TRIGGER "Contract_immutable" ON "Contract";
CREATE TRIGGER "Contract_immutable" BEFORE UPDATE ON "Contract"
  FOR EACH ROW EXECUTE FUNCTION lastmile_contract_holder_only();
