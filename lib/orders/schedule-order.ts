import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCanWorkOrders } from "./assert-can-work-orders";

const when = z.coerce.date({ error: "Choose a date and time" });

/** Books (or re-books) the installation; a new order moves to SCHEDULED. */
export async function scheduleOrder(opts: { actor: Actor; orderId: string; scheduledFor: Date | string }) {
  assertCanWorkOrders(opts.actor);
  const at = when.parse(opts.scheduledFor);
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: opts.orderId }, select: { id: true, status: true, customerId: true } });
    if (!order) throw notFound("Order");
    if (order.status !== "NEW" && order.status !== "SCHEDULED") throw new AppError("CONFLICT", `An ${order.status.toLowerCase()} order cannot be scheduled.`);
    await tx.order.update({ where: { id: order.id }, data: { status: "SCHEDULED", scheduledFor: at } });
    await recordAudit({ actor: opts.actor, action: "order.schedule", entityType: "Order", entityId: order.id, customerId: order.customerId, data: { scheduledFor: at.toISOString() } }, tx);
  });
}
