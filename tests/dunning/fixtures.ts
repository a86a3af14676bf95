// Dunning scenarios: customers with one open invoice from an "invoice now" one-off charge (no
// recurring billing in the way), an active service to suspend, and a clock set to a local hour.
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createOneOffCharge } from "@/lib/invoices/create-one-off-charge";
import { setClock } from "@/lib/time/clock";
import { instantInZone, toDbDate, type IsoDate } from "@/lib/time/dates";
import { createCustomer, createProduct } from "../billing/fixtures";

export { setupIsp } from "../billing/fixtures";

export const ACCOUNTS: Actor = { kind: "user", id: "u-accounts", role: "ACCOUNTS", name: "Ann" };
export const ZONE = "Africa/Johannesburg";

/** Sets the clock to `hour`:00 local time (Johannesburg) on `date`. */
export function at(date: IsoDate, hour: number) {
  setClock(instantInZone(date, hour, ZONE));
}

/**
 * A customer with an active service (next bill far ahead, so fees invoice nothing else) and an
 * invoice of `amount` issued on `issued` (due 7 days later).
 */
export async function overdueCustomer(opts: {
  issued: IsoDate;
  amount?: number;
  type?: "RESIDENTIAL" | "BUSINESS";
}) {
  const tax = await db.taxClass.findFirstOrThrow({ where: { isDefault: true } });
  const product = await createProduct({ taxClassId: tax.id, price: 40000 });
  const customer = await createCustomer({ type: opts.type ?? "RESIDENTIAL" });
  const sub = await db.subscription.create({
    data: {
      customerId: customer.id,
      productId: product.id,
      status: "ACTIVE",
      price: product.price,
      interval: "MONTH",
      cycleMode: "ANNIVERSARY",
      startDate: toDbDate("2026-01-01"),
      anchorDay: 1,
      billedThrough: toDbDate("2030-01-01"),
      nextBillDate: toDbDate("2030-01-01"),
    },
  });
  at(opts.issued, 9);
  const { invoiceIds } = await createOneOffCharge({
    actor: SYSTEM,
    customerId: customer.id,
    description: "Router",
    amount: opts.amount ?? 50000,
    invoiceNow: true,
  });
  return { customer, subscription: sub, invoiceId: invoiceIds[0] };
}

export const history = (customerId: string) =>
  db.dunningEvent.findMany({ where: { customerId }, orderBy: [{ at: "asc" }, { step: "asc" }] });
