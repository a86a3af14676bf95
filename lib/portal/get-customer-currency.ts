import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";

export type GetCustomerCurrencyOptions = { actor: Actor; customerId: string };

/** The currency the customer is billed in (their invoices and prices are shown in it). */
export async function getCustomerCurrency({ actor, customerId }: GetCustomerCurrencyOptions) {
  assertCustomerAccess(actor, customerId, "customers:read");
  const c = await db.customer.findUnique({ where: { id: customerId }, select: { currency: true } });
  if (!c) throw notFound("Customer");
  return c.currency;
}
