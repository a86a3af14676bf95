// Suspension for non-payment or on request. What it costs follows the ISP's policy
// (IspSettings.suspensionBilling): CONTINUE bills through it; SKIP credits the suspended days on
// the next invoice. Resuming only closes the span, so it can never charge anything twice.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { assertIsoDate, toDbDate, type IsoDate } from "@/lib/time/dates";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { publish } from "@/lib/events/publish";
import { subscriptionChanged } from "@/lib/events/events";

export async function suspendSubscription(opts: {
  subscriptionId: string;
  date?: IsoDate;
  reason?: string;
  actor: Actor;
}) {
  assertCan(opts.actor, "customers:write");
  const suspension = await db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({
      where: { id: opts.subscriptionId },
      select: { id: true, status: true, customerId: true },
    });
    if (!sub) throw notFound("Subscription");
    if (sub.status !== "ACTIVE")
      throw new AppError("CONFLICT", "Only an active subscription can be suspended.");
    const date = opts.date ? assertIsoDate(opts.date) : await todayForIsp(tx);
    await tx.subscription.update({ where: { id: sub.id }, data: { status: "SUSPENDED" } });
    const suspension = await tx.suspension.create({
      data: { subscriptionId: sub.id, startDate: toDbDate(date), reason: opts.reason },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "subscription.suspend",
        entityType: "Subscription",
        entityId: sub.id,
        customerId: sub.customerId,
        data: { date, reason: opts.reason ?? null },
      },
      tx,
    );
    return suspension;
  });
  // The network follows (lib/network: rejected or walled garden, open sessions disconnected).
  await publish(
    subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "suspend" }),
  );
  return suspension;
}
