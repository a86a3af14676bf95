import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { cancelOrderTx } from "./cancel-order-tx";

export const cancelOrderSchema = z.object({
  orderId: z.string().min(1),
  reason: z.string().trim().min(3, "Say why the order is cancelled").max(1000),
});

/** Cancels an order before activation: its pending subscriptions end without ever billing. */
export async function cancelOrder(opts: { actor: Actor; orderId: string; reason: string }) {
  assertCan(opts.actor, "orders:write");
  const why = cancelOrderSchema.shape.reason.parse(opts.reason);
  return db.$transaction((tx) =>
    cancelOrderTx(tx, {
      actor: opts.actor,
      orderId: opts.orderId,
      note: `Cancelled: ${why}`,
      action: "order.cancel",
      reason: why,
    }),
  );
}
