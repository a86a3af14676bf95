// Cancellation (Stripe's cancel_at_period_end by default; an immediate or dated cancellation
// credits the unused days, like Kill Bill's IMMEDIATE billing policy, when the ISP allows it).
// A period-end cancellation records the day the customer gave notice (`requestedOn`, default
// today) and ends the service at the first period end on or after requestedOn + the plan's notice
// days (and after requestedOn) — also before the first invoice, whose period is billed in full. Inside a contract term the
// plan's early-termination fee is charged on the final invoice. Add-ons end with their plan.
// Back-dating follows lib/subscriptions/backdating.ts (RULES.md rule 24).
import { db, type Tx } from "@/lib/db";
import { assertCustomerAccess, isCustomerActor, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { addDays, assertIsoDate, toDbDate, type IsoDate } from "@/lib/time/dates";
import { billCustomerNowTx } from "@/lib/billing/bill-customers-tx";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { firstPeriodEndOnOrAfter } from "@/lib/billing/cycles";
import { lockSubscription } from "./get-subscription-for-change";
import { assertBackdateAllowed, cycleOfSubscription } from "./backdating";
import { publish } from "@/lib/events/publish";
import { subscriptionChanged } from "@/lib/events/events";

export type CancelMode = "END_OF_PERIOD" | "IMMEDIATE" | "ON_DATE";

export type CancelSubscriptionOptions = {
  subscriptionId: string;
  mode?: CancelMode;
  /** ON_DATE: the last day is the day before this one. */
  date?: IsoDate;
  /** The day the customer gave notice (default today); the plan's notice period runs from it. */
  requestedOn?: IsoDate;
  /** ADMIN only: allow an effective date before the current billing period. */
  allowBackdate?: boolean;
  actor: Actor;
};

export async function cancelSubscription(opts: CancelSubscriptionOptions) {
  const result = await db.$transaction((tx) => cancelSubscriptionTx(tx, opts));
  await publish(
    subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "cancel" }),
  );
  return result;
}

/** The cancellation inside the caller's transaction (also the cancellation preview's dry run). */
export async function cancelSubscriptionTx(tx: Tx, opts: CancelSubscriptionOptions) {
  const mode = opts.mode ?? "END_OF_PERIOD";
  const { sub, startDate, billedThrough } = await lockSubscription(tx, opts.subscriptionId);
  assertCustomerAccess(opts.actor, sub.customerId, "customers:write");
  // Subscribers give notice today and the service ends at the period end the notice reaches.
  if (
    isCustomerActor(opts.actor) &&
    (mode !== "END_OF_PERIOD" || opts.requestedOn || opts.allowBackdate)
  )
    throw new AppError("FORBIDDEN", "Cancellations from your account give notice as of today.");
  if (sub.status === "CANCELLED")
    throw new AppError("CONFLICT", "This subscription is already cancelled.");
  const today = await todayForIsp(tx);
  const settings = await getSettings(tx);
  const requestedOn = opts.requestedOn ? assertIsoDate(opts.requestedOn) : today;
  const cycle = cycleOfSubscription(sub, startDate);
  const anchor = { startDate, billedThrough };
  let cancelAt: IsoDate;
  if (mode === "END_OF_PERIOD") {
    // At least the period in which notice is given: with no notice days, the first end after it.
    const noticeEnds = addDays(requestedOn, Math.max(sub.product.noticeDays, 1));
    cancelAt = firstPeriodEndOnOrAfter(cycle, anchor, noticeEnds);
  } else if (mode === "IMMEDIATE") cancelAt = today;
  else if (opts.date) cancelAt = assertIsoDate(opts.date);
  else throw new AppError("VALIDATION", "Give the date.", { date: "required for ON_DATE" });
  if (cancelAt < startDate) cancelAt = startDate;
  if (
    mode !== "END_OF_PERIOD" &&
    billedThrough &&
    cancelAt < billedThrough &&
    !settings.allowImmediateCancel
  ) {
    throw new AppError(
      "UNPROCESSABLE",
      "Cancellations take effect at the end of the billing period.",
    );
  }
  assertBackdateAllowed({
    actor: opts.actor,
    cycle,
    anchor,
    effectiveDate: cancelAt,
    today,
    allowBackdate: opts.allowBackdate,
    field: mode === "END_OF_PERIOD" ? "requestedOn" : "date",
  });
  await tx.subscription.updateMany({
    where: { OR: [{ id: sub.id }, { parentId: sub.id, status: { not: "CANCELLED" } }] },
    data: { cancelAt: toDbDate(cancelAt), cancelRequestedOn: toDbDate(requestedOn) },
  });
  await recordAudit(
    {
      actor: opts.actor,
      action: "subscription.cancel",
      entityType: "Subscription",
      entityId: sub.id,
      customerId: sub.customerId,
      data: { mode, cancelAt, requestedOn, noticeDays: sub.product.noticeDays },
    },
    tx,
  );
  // Bills as of the end date, so periods after it are never billed; the invoice is issued today.
  const billed =
    cancelAt <= today ? await billCustomerNowTx(tx, sub.customerId, cancelAt, today) : null;
  return { cancelAt, requestedOn, invoiceIds: billed?.invoiceIds ?? [] };
}
