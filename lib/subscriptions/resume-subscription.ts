import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { assertIsoDate, fromDbDate, toDbDate, type IsoDate } from "@/lib/time/dates";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { publish } from "@/lib/events/publish";
import { subscriptionChanged } from "@/lib/events/events";

/** Ends the open suspension on `date` (the first day of service again; exclusive end). */
export async function resumeSubscription(opts: {
  subscriptionId: string;
  date?: IsoDate;
  actor: Actor;
}) {
  assertCan(opts.actor, "customers:write");
  const resumed = await db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({
      where: { id: opts.subscriptionId },
      select: { id: true, status: true, customerId: true },
    });
    if (!sub) throw notFound("Subscription");
    const open = await tx.suspension.findFirst({
      where: { subscriptionId: sub.id, endDate: null },
      orderBy: { startDate: "desc" },
    });
    if (sub.status !== "SUSPENDED" || !open)
      throw new AppError("CONFLICT", "This subscription is not suspended.");
    const date = opts.date ? assertIsoDate(opts.date) : await todayForIsp(tx);
    if (date < fromDbDate(open.startDate))
      throw new AppError("VALIDATION", "Service cannot resume before the suspension began.");
    await tx.suspension.update({ where: { id: open.id }, data: { endDate: toDbDate(date) } });
    // Resuming restores the plan in full, including after a soft suspension that came first.
    await tx.subscription.update({
      where: { id: sub.id },
      data: { status: "ACTIVE", softSuspendedAt: null },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "subscription.resume",
        entityType: "Subscription",
        entityId: sub.id,
        customerId: sub.customerId,
        data: { date },
      },
      tx,
    );
    return { suspensionId: open.id, resumedOn: date };
  });
  await publish(
    subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "resume" }),
  );
  return resumed;
}
