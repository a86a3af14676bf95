// The cancellation itself, shared by staff cancelling an order and an account holder declining
// one placed with their email: pending subscriptions end without ever billing.
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time/clock";

export type CancelOrderTxOptions = {
  actor: Actor;
  orderId: string;
  /** Shown in the order's notes. */
  note: string;
  action: "order.cancel" | "order.decline";
  reason: string;
};

export async function cancelOrderTx(tx: Tx, opts: CancelOrderTxOptions) {
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
      body: opts.note,
      authorId: opts.actor.kind === "user" ? opts.actor.id : null,
    },
  });
  await recordAudit(
    {
      actor: opts.actor,
      action: opts.action,
      entityType: "Order",
      entityId: opts.orderId,
      customerId: locked.customerId,
      data: { reason: opts.reason },
    },
    tx,
  );
}
