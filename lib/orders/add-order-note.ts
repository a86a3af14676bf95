import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCanWorkOrders } from "./assert-can-work-orders";

export const addOrderNoteSchema = z.object({
  orderId: z.string().min(1),
  body: z.string().trim().min(1, "Write a note").max(4000),
});

export async function addOrderNote(opts: { actor: Actor; orderId: string; body: string }) {
  assertCanWorkOrders(opts.actor);
  const text = addOrderNoteSchema.shape.body.parse(opts.body);
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: opts.orderId },
      select: { id: true, customerId: true },
    });
    if (!order) throw notFound("Order");
    const note = await tx.orderNote.create({
      data: {
        orderId: order.id,
        body: text,
        authorId: opts.actor.kind === "user" ? opts.actor.id : null,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "order.note",
        entityType: "Order",
        entityId: order.id,
        customerId: order.customerId,
      },
      tx,
    );
    return note;
  });
}
