// What the billing rules would put on one customer's invoice for everything due on or before
// `asOf`, without writing: the same inputs and planner as a run (RULES.md), read without locks.
// The portal's next-invoice estimate and the cancellation preview's termination fee use it.
import "server-only";
import type { LineKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { IsoDate } from "@/lib/time/dates";
import { planSubscription } from "@/lib/subscriptions/plan-subscription";
import { getBillingSettings } from "./billing-settings";
import { loadBillingInputs } from "./load-billing-inputs";
import { lineAmounts, priceIncludesTax } from "./tax";

export type PlannedLine = {
  subscriptionId: string | null;
  kind: LineKind;
  description: string;
  /** Rounded, tax included: what the line adds to the invoice total (minor units). */
  totalAmount: number;
};

export async function planCustomerLines(
  tx: Tx,
  customerId: string,
  asOf: IsoDate,
): Promise<{ lines: PlannedLine[]; total: number }> {
  const settings = await getBillingSettings(tx);
  const skip = settings.suspensionBilling === "SKIP";
  const inputs = await loadBillingInputs(tx, {
    customerIds: [customerId],
    asOf,
    lock: false,
    suspensions: skip,
  });
  const lines: PlannedLine[] = [];
  for (const sub of inputs.subs) {
    const plan = planSubscription({
      sub,
      asOf,
      planChanges: inputs.planChanges.get(sub.id) ?? [],
      discounts: inputs.discounts.get(sub.id) ?? [],
      suspensions: inputs.suspensions.get(sub.id) ?? [],
      creditSuspensions: skip,
      charged: inputs.charged.get(sub.id) ?? [],
    });
    for (const l of plan.lines) {
      const inclusive = priceIncludesTax(l.taxBehavior, settings.pricesIncludeTax);
      lines.push({
        subscriptionId: l.subscriptionId,
        kind: l.kind,
        description: l.description,
        totalAmount: lineAmounts(l.amount, l.taxRate, inclusive).totalAmount,
      });
    }
  }
  return { lines, total: lines.reduce((s, l) => s + l.totalAmount, 0) };
}
