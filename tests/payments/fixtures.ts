// Customers with open invoices for payment tests, billed by the real billing run.
import { db } from "@/lib/db";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { createCustomer, createProduct, createSubscription, travelTo } from "../billing/fixtures";

export { setupIsp, travelTo, createCustomer } from "../billing/fixtures";

export const accounts: Actor = { kind: "user", id: "u-accounts", role: "ACCOUNTS", name: "Ann" };
export const sales: Actor = { kind: "user", id: "u-sales", role: "SALES", name: "Sam" };
export const support: Actor = { kind: "user", id: "u-support", role: "SUPPORT", name: "Sue" };

/**
 * A customer on a monthly plan of `price` (tax included) from 1 January 2026, billed on the first
 * of each of `months` months: one open invoice per month, oldest due first. The clock is left on
 * 15 March 2026, so payments may be dated up to then.
 */
export async function customerWithInvoices(months: number, price = 30000) {
  const tax = await db.taxClass.findFirstOrThrow({ where: { isDefault: true } });
  const product = await createProduct({ taxClassId: tax.id, price });
  const customer = await createCustomer();
  await createSubscription({ customerId: customer.id, product, startDate: "2026-01-01" });
  for (let m = 1; m <= months; m++) {
    const day = `2026-${String(m).padStart(2, "0")}-01`;
    travelTo(day);
    await runBilling({ asOf: day, actor: SYSTEM });
  }
  travelTo("2026-03-15");
  const invoices = await db.invoice.findMany({
    where: { customerId: customer.id },
    orderBy: { dueDate: "asc" },
  });
  return { customer, product, invoices };
}

export const invoiceState = async (id: string) =>
  db.invoice.findUniqueOrThrow({
    where: { id },
    select: { status: true, amountPaid: true, amountCredited: true, total: true },
  });

export const balanceOf = async (customerId: string) =>
  (await db.ledgerEntry.aggregate({ where: { customerId }, _sum: { amount: true } }))._sum.amount ??
  0;
