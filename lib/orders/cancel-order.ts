import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time/clock";

export const cancelOrderSchema = z.object({
  orderId: z.string().min(1),
  reason: z.string().trim().min(3, "Say why the order is cancelled").max(1000),
});

/** Cancels an order before activation: its pending subscriptions end without ever billing. */
export async function cancelOrder(opts: { actor: Actor; orderId: string; reason: string }) {
  assertCan(opts.actor, "orders:write");
  const why = cancelOrderSchema.shape.reason.parse(opts.reason);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { status: string; customerId: string }[]
    >`SELECT "status", "customerId" FROM "Order" WHERE "id" = ${opts.orderId} FOR UPDATE`;
    if (!locked) throw notFound("Order");
    if (locked.status !== "NEW" && locked.status !== "SCHEDULED")
      throw new AppError(
        "CONFLICT",
        `An ${locked.status.toLowerCase()} order cannot be cancelled here; cancel the services on the customer instead.`,
      );
    const at = now();
    await tx.subscription.updateMany({
      where: { orderId: opts.orderId, status: "PENDING" },
      data: { status: "CANCELLED", cancelledAt: at },
    });
    await tx.order.update({
      where: { id: opts.orderId },
      data: { status: "CANCELLED", cancelledAt: at },
    });
    await tx.orderNote.create({
      data: {
        orderId: opts.orderId,
        body: `Cancelled: ${why}`,
        authorId: opts.actor.kind === "user" ? opts.actor.id : null,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "order.cancel",
        entityType: "Order",
        entityId: opts.orderId,
        customerId: locked.customerId,
        data: { reason: why },
      },
      tx,
    );
  });
}
