// An ISP in Kenya or Brazil with a customer owing one invoice, billed by the real billing run.
import { randomBytes } from "node:crypto";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { db } from "@/lib/db";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";

export const ADMIN: Actor = { kind: "user", id: "u-admin", role: "ADMIN", name: "Ada" };
export const ACCOUNTS: Actor = { kind: "user", id: "u-acc", role: "ACCOUNTS", name: "Ann" };

export function secretsForTests() {
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  process.env.AUTH_SECRET ??= "a-test-secret-of-sufficient-length";
}

export const KENYA = {
  country: "KE",
  currency: "KES",
  timeZone: "Africa/Nairobi",
  locale: "en-KE",
};
export const BRAZIL = {
  country: "BR",
  currency: "BRL",
  timeZone: "America/Sao_Paulo",
  locale: "pt-BR",
};

let month = 0;
/** A customer in the ISP's currency with one open invoice of `price` (tax included). */
export async function customerOwing(price: number, over: { phone?: string } = {}) {
  const isp = await db.ispSettings.findUniqueOrThrow({ where: { id: 1 } });
  const vat = await db.taxClass.findFirstOrThrow({ where: { isDefault: true } });
  const product = await createProduct({ taxClassId: vat.id, price });
  const customer = await createCustomer({
    currency: isp.currency,
    phone: over.phone ?? "0712 345 678",
  });
  month++;
  const day = `2026-${String(month).padStart(2, "0")}-01`;
  await createSubscription({ customerId: customer.id, product, startDate: day });
  travelTo(day);
  await runBilling({ asOf: day, actor: SYSTEM });
  travelTo(`2026-${String(month).padStart(2, "0")}-03`);
  const invoice = await db.invoice.findFirstOrThrow({ where: { customerId: customer.id } });
  return { customer, invoice };
}

export { setupIsp };

export const paymentsOf = (customerId: string) =>
  db.payment.findMany({ where: { customerId }, include: { allocations: true } });
