// Plan changes (Stripe's proration_behavior "create_prorations" for upgrades; Kill Bill's
// END_OF_TERM policy for downgrades): an upgrade — the new plan costs at least as much per month,
// same interval — takes effect on its date (default today) with one invoice crediting the unused
// old plan and charging the new plan for the rest of the period. A downgrade, or any change of
// billing interval, takes effect when the period containing the requested date ends, with no
// credit — also before anything is billed (RULES.md rule 9). A change dated in the past is billed
// as of its effective date (its proration lines computed for each period from that date on) on an
// invoice issued today; the periods after it are left to the runs (rule 24).
import Decimal from "decimal.js";
import { db, type Tx } from "@/lib/db";
import { assertCustomerAccess, isCustomerActor, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { assertIsoDate, maxDate, toDbDate, type IsoDate } from "@/lib/time/dates";
import { billCustomerNowTx } from "@/lib/billing/bill-customers-tx";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { INTERVAL_MONTHS, periodContaining } from "@/lib/billing/cycles";
import { assertLineAmount } from "@/lib/money/limits";
import { lockSubscription } from "./get-subscription-for-change";
import { assertBackdateAllowed, cycleOfSubscription } from "./backdating";
import { publish } from "@/lib/events/publish";
import { subscriptionChanged } from "@/lib/events/events";

export type ChangePlanOptions = {
  subscriptionId: string;
  toProductId: string;
  /** Upgrade: the day it takes effect. Downgrade: a day in the period it takes effect after. */
  effectiveDate?: IsoDate;
  /** ADMIN only: allow an effective date before the current billing period. */
  allowBackdate?: boolean;
  actor: Actor;
};

export async function changePlan(opts: ChangePlanOptions) {
  const result = await db.$transaction((tx) => changePlanTx(tx, opts));
  // A change effective today is applied already; a later one is applied by the billing run and
  // picked up by the radius.sync sweep. Either way the network re-reads the plan.
  await publish(
    subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "plan-change" }),
  );
  return result;
}

/** The change inside the caller's transaction (also the proration preview's dry run). */
export async function changePlanTx(tx: Tx, opts: ChangePlanOptions) {
  const { sub, startDate, billedThrough } = await lockSubscription(tx, opts.subscriptionId);
  assertCustomerAccess(opts.actor, sub.customerId, "customers:write");
  // Subscribers change plan as of today (their portal); dating a change is for staff.
  if (isCustomerActor(opts.actor) && (opts.effectiveDate || opts.allowBackdate))
    throw new AppError("FORBIDDEN", "Plan changes from your account take effect as of today.");
  if (sub.status === "CANCELLED" || sub.cancelAt)
    throw new AppError("CONFLICT", "This subscription is cancelled or ending.");
  const to = await tx.product.findUnique({
    where: { id: opts.toProductId },
    include: { taxClass: true },
  });
  if (!to || to.status !== "ACTIVE" || to.kind !== sub.product.kind) throw notFound("Plan");
  if (to.id === sub.productId) throw new AppError("VALIDATION", "That is the current plan.");
  assertLineAmount(to.price, sub.quantity, "productId");

  const today = await todayForIsp(tx);
  const perMonth = (price: number, interval: keyof typeof INTERVAL_MONTHS) =>
    new Decimal(price).div(INTERVAL_MONTHS[interval]);
  const upgrade =
    to.interval === sub.interval &&
    perMonth(to.price, to.interval).gte(perMonth(sub.price, sub.interval));
  const cycle = cycleOfSubscription(sub, startDate);
  const anchor = { startDate, billedThrough };
  const requested = maxDate(
    opts.effectiveDate ? assertIsoDate(opts.effectiveDate) : today,
    startDate,
  );
  const effectiveDate = upgrade ? requested : periodContaining(cycle, anchor, requested).end;
  assertBackdateAllowed({
    actor: opts.actor,
    cycle,
    anchor,
    effectiveDate,
    today,
    allowBackdate: opts.allowBackdate,
    field: "effectiveDate",
  });
  const open = periodContaining(cycle, anchor, today);
  if (upgrade && effectiveDate > maxDate(open.end, billedThrough ?? open.end)) {
    throw new AppError(
      "VALIDATION",
      "An upgrade must take effect within the current billing period.",
      { effectiveDate: "after the current period" },
    );
  }
  if (!upgrade && to.interval !== sub.interval && billedThrough && effectiveDate < billedThrough)
    throw new AppError(
      "UNPROCESSABLE",
      "A change of billing interval cannot take effect inside a period already invoiced.",
      { effectiveDate: "inside an invoiced period" },
    );
  // A newer request replaces one still pending.
  await tx.planChange.deleteMany({ where: { subscriptionId: sub.id, appliedAt: null } });
  const change = await tx.planChange.create({
    data: { subscriptionId: sub.id, toProductId: to.id, effectiveDate: toDbDate(effectiveDate) },
  });
  await recordAudit(
    {
      actor: opts.actor,
      action: upgrade ? "subscription.upgrade" : "subscription.downgrade",
      entityType: "Subscription",
      entityId: sub.id,
      customerId: sub.customerId,
      data: { from: sub.productId, to: to.id, effectiveDate },
    },
    tx,
  );
  const billed =
    effectiveDate <= today
      ? await billCustomerNowTx(tx, sub.customerId, effectiveDate, today)
      : null;
  return {
    planChangeId: change.id,
    customerId: sub.customerId,
    kind: upgrade ? ("upgrade" as const) : ("downgrade" as const),
    effectiveDate,
    invoiceIds: billed?.invoiceIds ?? [],
  };
}
