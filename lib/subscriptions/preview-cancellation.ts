// What cancelling would do, before the subscriber confirms it: the cancellation is run in a
// rolled-back transaction (lib/db/dry-run.ts) for the exact last day under the plan's notice
// period (rule 25), and the planner, run as of that day inside the same transaction, gives the
// early-termination fee the final invoice will carry (rule 11).
import "server-only";
import { dryRun } from "@/lib/db/dry-run";
import type { Actor } from "@/lib/auth/roles";
import { planCustomerLines } from "@/lib/billing/plan-customer";
import { addDays, type IsoDate } from "@/lib/time/dates";
import { cancelSubscriptionTx } from "./cancel-subscription";

export type PreviewCancellationOptions = { actor: Actor; subscriptionId: string };

export type CancellationPreview = {
  /** The first day without service; the last day of service is the day before. */
  cancelAt: IsoDate;
  lastDay: IsoDate;
  noticeDays: number;
  contractEndDate: IsoDate | null;
  terminationFee: number;
  currency: string;
  /** Add-ons that end with the plan. */
  addons: string[];
};

export async function previewCancellation(
  opts: PreviewCancellationOptions,
): Promise<CancellationPreview> {
  return dryRun(async (tx) => {
    const { cancelAt } = await cancelSubscriptionTx(tx, { ...opts, mode: "END_OF_PERIOD" });
    const sub = await tx.subscription.findUniqueOrThrow({
      where: { id: opts.subscriptionId },
      select: {
        customerId: true,
        contractEndDate: true,
        product: { select: { noticeDays: true } },
        customer: { select: { currency: true } },
        addons: {
          where: { status: { not: "CANCELLED" } },
          select: { id: true, product: { select: { name: true } } },
        },
      },
    });
    const { lines } = await planCustomerLines(tx, sub.customerId, cancelAt);
    const ids = new Set([opts.subscriptionId, ...sub.addons.map((a) => a.id)]);
    const terminationFee = lines
      .filter((l) => l.kind === "TERMINATION_FEE" && l.subscriptionId && ids.has(l.subscriptionId))
      .reduce((s, l) => s + l.totalAmount, 0);
    return {
      cancelAt,
      lastDay: addDays(cancelAt, -1),
      noticeDays: sub.product.noticeDays,
      contractEndDate: sub.contractEndDate?.toISOString().slice(0, 10) ?? null,
      terminationFee,
      currency: sub.customer.currency,
      addons: sub.addons.map((a) => a.product.name),
    };
  });
}
