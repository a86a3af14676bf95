// What the portal's arrangement page needs: the overdue balance an arrangement would cover, the
// rules it is checked against (so the live preview says "approved at once" or "referred" as the
// server will), and the customer's latest arrangement.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { notFound } from "@/lib/errors";
import { getArrangementPolicies } from "./get-arrangement-policies";
import { getCustomerArrangement } from "./get-customer-arrangement";
import { readArrangeableTx } from "./read-arrangeable-tx";

export type GetArrangementOfferOptions = { actor: Actor; customerId: string };

export async function getArrangementOffer({ actor, customerId }: GetArrangementOfferOptions) {
  assertCustomerAccess(actor, customerId, "customers:read_financial");
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { type: true, currency: true },
  });
  if (!customer) throw notFound("Customer");
  const today = await todayForIsp();
  const [owed, policies, arrangement] = await Promise.all([
    readArrangeableTx(db, customerId, today),
    getArrangementPolicies(),
    getCustomerArrangement({ actor, customerId }),
  ]);
  const { customerType: _, ...policy } = policies[customer.type];
  return {
    today,
    currency: customer.currency,
    overdue: owed.total,
    invoiceCount: owed.invoiceIds.length,
    policy,
    arrangement,
  };
}
