// The holder of an existing login says an order placed with their email address was not theirs:
// it is cancelled before anything is installed or billed.
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { cancelOrderTx } from "./cancel-order-tx";

export type DeclineHeldOrderOptions = { actor: Actor; orderId: string };

export async function declineHeldOrder(opts: DeclineHeldOrderOptions) {
  const { actor } = opts;
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Sign in to decline this order.");
  return db.$transaction(async (tx) => {
    const held = await tx.order.findUnique({
      where: { id: opts.orderId },
      select: { heldForUserId: true },
    });
    if (!held || held.heldForUserId !== actor.id) throw notFound("Order");
    await cancelOrderTx(tx, {
      actor,
      orderId: opts.orderId,
      note: "Declined by the holder of the email address: they did not place this order.",
      action: "order.decline",
      reason: "not placed by the holder of the email address",
    });
  });
}
