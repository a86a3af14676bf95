// Cancellation (Stripe's cancel_at_period_end by default; an immediate or dated cancellation
// credits the unused days, like Kill Bill's IMMEDIATE billing policy, when the ISP allows it).
// Inside a contract term the plan's early-termination fee is charged on the final invoice.
// Add-ons end with their plan.
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { assertIsoDate, toDbDate, type IsoDate } from "@/lib/time/dates";
import { billCustomerNowTx } from "@/lib/billing/bill-customers-tx";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { lockSubscription } from "./get-subscription-for-change";
import { publish } from "@/lib/events/publish";
import { subscriptionChanged } from "@/lib/events/events";

export type CancelMode = "END_OF_PERIOD" | "IMMEDIATE" | "ON_DATE";

export async function cancelSubscription(opts: {
  subscriptionId: string;
  mode?: CancelMode;
  date?: IsoDate;
  actor: Actor;
}) {
  const mode = opts.mode ?? "END_OF_PERIOD";
  const result = await db.$transaction(async (tx) => {
    const { sub, startDate, billedThrough } = await lockSubscription(tx, opts.subscriptionId);
    assertCustomerAccess(opts.actor, sub.customerId, "customers:write");
    if (sub.status === "CANCELLED")
      throw new AppError("CONFLICT", "This subscription is already cancelled.");
    const today = await todayForIsp(tx);
    const settings = await getSettings(tx);
    let cancelAt: IsoDate =
      mode === "END_OF_PERIOD"
        ? (billedThrough ?? startDate)
        : mode === "IMMEDIATE"
          ? today
          : assertIsoDate(opts.date ?? "");
    if (cancelAt < startDate) cancelAt = startDate;
    if (billedThrough && cancelAt < billedThrough && !settings.allowImmediateCancel) {
      throw new AppError(
        "UNPROCESSABLE",
        "Cancellations take effect at the end of the billing period.",
      );
    }
    if (billedThrough && cancelAt < billedThrough && cancelAt < today) {
      throw new AppError("VALIDATION", "A cancellation cannot be back-dated.", {
        date: "in the past",
      });
    }
    await tx.subscription.updateMany({
      where: { OR: [{ id: sub.id }, { parentId: sub.id, status: { not: "CANCELLED" } }] },
      data: { cancelAt: toDbDate(cancelAt) },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "subscription.cancel",
        entityType: "Subscription",
        entityId: sub.id,
        customerId: sub.customerId,
        data: { mode, cancelAt },
      },
      tx,
    );
    const billed = cancelAt <= today ? await billCustomerNowTx(tx, sub.customerId, today) : null;
    return { cancelAt, invoiceIds: billed?.invoiceIds ?? [] };
  });
  await publish(
    subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "cancel" }),
  );
  return result;
}
