// What a billing run on `asOf` would bill, without writing anything: counts and totals per plan,
// computed by the same rules as the run (read-only, no locks).
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { assertIsoDate, type IsoDate } from "@/lib/time/dates";
import { getBillingSettings } from "./billing-settings";
import { listDueCustomers } from "./list-due-customers";
import { loadBillingInputs } from "./load-billing-inputs";
import { planSubscription } from "@/lib/subscriptions/plan-subscription";
import { lineAmounts, priceIncludesTax } from "./tax";

export type BillingPreview = {
  asOf: IsoDate;
  customers: number;
  subscriptions: number;
  total: number;
  byPlan: { productId: string; name: string; subscriptions: number; total: number }[];
};

export async function previewBilling(opts: {
  asOf: IsoDate;
  actor: Actor;
  batchSize?: number;
}): Promise<BillingPreview> {
  assertCan(opts.actor, "billing:read");
  const asOf = assertIsoDate(opts.asOf);
  const settings = await getBillingSettings();
  const byPlan = new Map<string, BillingPreview["byPlan"][number]>();
  const preview: BillingPreview = { asOf, customers: 0, subscriptions: 0, total: 0, byPlan: [] };
  let cursor = "";
  for (;;) {
    const customerIds = await listDueCustomers(db, {
      asOf,
      after: cursor,
      limit: opts.batchSize ?? 5000,
    });
    if (!customerIds.length) break;
    cursor = customerIds[customerIds.length - 1];
    preview.customers += customerIds.length;
    const inputs = await loadBillingInputs(db, {
      customerIds,
      asOf,
      lock: false,
      suspensions: settings.suspensionBilling === "SKIP",
    });
    for (const sub of inputs.subs) {
      const plan = planSubscription({
        sub,
        asOf,
        planChanges: inputs.planChanges.get(sub.id) ?? [],
        discounts: inputs.discounts.get(sub.id) ?? [],
        suspensions: inputs.suspensions.get(sub.id) ?? [],
        creditSuspensions: settings.suspensionBilling === "SKIP",
        charged: inputs.charged.get(sub.id) ?? [],
      });
      if (!plan.changed) continue;
      const total = plan.lines.reduce(
        (s, l) =>
          s +
          lineAmounts(
            l.amount,
            l.taxRate,
            priceIncludesTax(l.taxBehavior, settings.pricesIncludeTax),
          ).totalAmount,
        0,
      );
      const row = byPlan.get(plan.sub.productId) ?? {
        productId: plan.sub.productId,
        name: plan.sub.productName,
        subscriptions: 0,
        total: 0,
      };
      row.subscriptions++;
      row.total += total;
      byPlan.set(row.productId, row);
      preview.subscriptions++;
      preview.total += total;
    }
  }
  preview.byPlan = [...byPlan.values()].sort((a, b) => b.total - a.total);
  return preview;
}
