// Soft suspension (dunning's first step): the service stays ACTIVE and billed, but the network
// throttles it and puts it in the redirect address list so the customer lands on the payment
// page. Lifting it restores the plan. The network follows the event (lib/network).
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/publish";
import { subscriptionChanged } from "@/lib/events/events";
import { now } from "@/lib/time/clock";

export type SetSoftSuspensionOptions = {
  actor: Actor;
  subscriptionId: string;
  /** true: throttle and redirect; false: back to the plan. */
  suspended: boolean;
  reason?: string;
};

export async function setSoftSuspension(opts: SetSoftSuspensionOptions) {
  assertCan(opts.actor, "customers:write");
  const changed = await db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({
      where: { id: opts.subscriptionId },
      select: { id: true, status: true, customerId: true, softSuspendedAt: true },
    });
    if (!sub) throw notFound("Subscription");
    if (sub.status !== "ACTIVE")
      throw new AppError("CONFLICT", "Only an active subscription can be soft-suspended.");
    if (Boolean(sub.softSuspendedAt) === opts.suspended) return false;
    await tx.subscription.update({
      where: { id: sub.id },
      data: { softSuspendedAt: opts.suspended ? now() : null },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: opts.suspended ? "subscription.soft_suspend" : "subscription.soft_resume",
        entityType: "Subscription",
        entityId: sub.id,
        customerId: sub.customerId,
        data: { reason: opts.reason ?? null },
      },
      tx,
    );
    return true;
  });
  if (changed)
    await publish(
      subscriptionChanged.create({
        subscriptionId: opts.subscriptionId,
        change: opts.suspended ? "soft-suspend" : "resume",
      }),
    );
  return { softSuspended: opts.suspended, changed };
}
