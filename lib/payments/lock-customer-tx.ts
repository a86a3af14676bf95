// Every change to a customer's payments starts by locking the customer row, so one customer's
// payments, allocations and reversals happen one at a time (and always lock in the same order:
// customer, invoices, payments).
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";

export async function lockCustomerTx(tx: Tx, customerId: string) {
  const [customer] = await tx.$queryRawUnsafe<
    { id: string; currency: string; email: string; firstName: string }[]
  >(`SELECT id, currency, email, "firstName" FROM "Customer" WHERE id = $1 FOR UPDATE`, customerId);
  if (!customer) throw notFound("Customer");
  return customer;
}
