// What a plan change would do, before the subscriber confirms it: the change is run for real in a
// transaction that is then rolled back (lib/db/dry-run.ts), so the proration lines shown are the
// planner's own — upgrade now with a credit for the unused days and a charge for the rest of the
// period, downgrade at the period end with nothing to pay now (RULES.md rules 8, 9, 24).
import "server-only";
import { dryRun } from "@/lib/db/dry-run";
import type { Actor } from "@/lib/auth/roles";
import type { IsoDate } from "@/lib/time/dates";
import { changePlanTx } from "./change-plan";

export type PreviewPlanChangeOptions = {
  actor: Actor;
  subscriptionId: string;
  toProductId: string;
};

export type PlanChangePreview = {
  kind: "upgrade" | "downgrade";
  effectiveDate: IsoDate;
  /** The invoice issued on confirming (an upgrade taking effect today), line by line. */
  lines: { kind: string; description: string; totalAmount: number }[];
  dueNow: number;
  currency: string;
  newPlan: { name: string; price: number; interval: string };
};

export async function previewPlanChange(
  opts: PreviewPlanChangeOptions,
): Promise<PlanChangePreview> {
  return dryRun(async (tx) => {
    const change = await changePlanTx(tx, opts);
    const [lines, invoices, plan] = await Promise.all([
      tx.invoiceLine.findMany({
        where: { invoiceId: { in: change.invoiceIds } },
        orderBy: [{ invoiceId: "asc" }, { sortOrder: "asc" }],
        select: { kind: true, description: true, totalAmount: true },
      }),
      tx.invoice.findMany({
        where: { id: { in: change.invoiceIds } },
        select: { total: true },
      }),
      tx.product.findUniqueOrThrow({
        where: { id: opts.toProductId },
        select: { name: true, price: true, interval: true },
      }),
    ]);
    const customer = await tx.subscription.findUniqueOrThrow({
      where: { id: opts.subscriptionId },
      select: { customer: { select: { currency: true } } },
    });
    return {
      kind: change.kind,
      effectiveDate: change.effectiveDate,
      lines,
      dueNow: invoices.reduce((s, i) => s + i.total, 0),
      currency: customer.customer.currency,
      newPlan: plan,
    };
  });
}
