// Staff pause dunning for an account until a date (a promise to pay, a dispute), with a reason.
// Nothing is sent, charged or suspended before that day; the sweep picks the ladder up again on
// it. Also sets the per-customer "never suspend" override. Audited.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { addDays, assertIsoDate, toDbDate } from "@/lib/time/dates";
import { getCustomerDunning } from "./get-customer-dunning";

export const MAX_HOLD_DAYS = 180;

export type HoldDunningOptions = {
  actor: Actor;
  customerId: string;
  /** The first day dunning may act again; null lifts a hold. */
  until: string | null;
  reason: string;
  neverSuspend?: boolean;
};

export async function holdDunning(opts: HoldDunningOptions) {
  assertCan(opts.actor, "billing:charge");
  const reason = opts.reason.trim();
  if (!reason || reason.length > 500)
    throw new AppError("VALIDATION", "Give a reason (up to 500 characters).", {
      reason: "required",
    });
  await db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { id: opts.customerId },
      select: { id: true },
    });
    if (!customer) throw notFound("Customer");
    const today = await todayForIsp(tx);
    const until = opts.until === null ? null : assertIsoDate(opts.until, "until");
    if (until && (until <= today || until > addDays(today, MAX_HOLD_DAYS)))
      throw new AppError(
        "VALIDATION",
        `Hold until a day after today, up to ${MAX_HOLD_DAYS} days.`,
        {
          until: `after ${today}, at most ${addDays(today, MAX_HOLD_DAYS)}`,
        },
      );
    const data = {
      holdUntil: until ? toDbDate(until) : null,
      holdReason: until ? reason : null,
      ...(opts.neverSuspend !== undefined && { neverSuspend: opts.neverSuspend }),
    };
    await tx.dunningAccount.upsert({
      where: { customerId: customer.id },
      create: { customerId: customer.id, ...data },
      update: data,
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: until ? "dunning.hold" : "dunning.release",
        entityType: "Customer",
        entityId: customer.id,
        customerId: customer.id,
        data: { until, reason, neverSuspend: opts.neverSuspend ?? null },
      },
      tx,
    );
  });
  return getCustomerDunning({ actor: opts.actor, customerId: opts.customerId });
}
