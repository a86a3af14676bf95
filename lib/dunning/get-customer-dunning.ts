// One account's place on the ladder and its history (every step with its invoices, amount and
// reason): the API's GET /customers/{id}/dunning and the admin customer page.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { fromDbDate, fromDbDateOrNull } from "@/lib/time/dates";
import type { DunningStep } from "./steps";
import { getCustomerArrangement } from "./arrangements/get-customer-arrangement";

export type GetCustomerDunningOptions = { actor: Actor; customerId: string };

export async function getCustomerDunning({ actor, customerId }: GetCustomerDunningOptions) {
  assertCan(actor, "customers:read_financial");
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      dunning: true,
      dunningEvents: { orderBy: [{ at: "desc" }, { step: "desc" }], take: 200 },
    },
  });
  if (!customer) throw notFound("Customer");
  const d = customer.dunning;
  return {
    state: d?.state ?? "CURRENT",
    neverSuspend: d?.neverSuspend ?? false,
    holdUntil: fromDbDateOrNull(d?.holdUntil),
    holdReason: d?.holdReason ?? null,
    arrangement: await getCustomerArrangement({ actor, customerId }),
    history: customer.dunningEvents.map((e) => ({
      at: e.at.toISOString(),
      date: fromDbDate(e.date),
      step: e.step as DunningStep,
      invoiceIds: e.invoiceIds,
      amount: e.amount,
      currency: e.currency,
      reason: e.reason,
      feeInvoiceId: e.feeInvoiceId,
    })),
  };
}

export type CustomerDunning = Awaited<ReturnType<typeof getCustomerDunning>>;
