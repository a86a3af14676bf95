import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";

export const assignOrderSchema = z.object({
  orderId: z.string().min(1),
  /** Empty (the "Nobody" option) unassigns. */
  userId: z
    .string()
    .nullish()
    .transform((v) => v || null),
});

/** Gives the order to a colleague (or to nobody, with null). */
export async function assignOrder(opts: { actor: Actor; orderId: string; userId: string | null }) {
  assertCan(opts.actor, "orders:write");
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: opts.orderId },
      select: { id: true, customerId: true },
    });
    if (!order) throw notFound("Order");
    if (opts.userId) {
      const user = await tx.user.findUnique({
        where: { id: opts.userId },
        select: { role: true, active: true },
      });
      if (!user?.active || !["ADMIN", "SALES", "TECHNICIAN"].includes(user.role))
        throw new AppError("VALIDATION", "Choose an active colleague.", {
          userId: "Not a colleague",
        });
    }
    await tx.order.update({ where: { id: order.id }, data: { assignedToId: opts.userId } });
    await recordAudit(
      {
        actor: opts.actor,
        action: "order.assign",
        entityType: "Order",
        entityId: order.id,
        customerId: order.customerId,
        data: { userId: opts.userId },
      },
      tx,
    );
  });
}
