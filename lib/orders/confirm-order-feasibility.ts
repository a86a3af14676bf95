// A person confirms that an order the server could not verify can be served (a site survey, a
// look at the map, a call). Only then may it be activated. Audited with what they said.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time/clock";
import { assertCanWorkOrders } from "./assert-can-work-orders";

export const confirmFeasibilitySchema = z.object({
  orderId: z.string().min(1).max(40),
  note: z.string().trim().min(3, "Say how you confirmed it").max(1000),
});

export type ConfirmOrderFeasibilityOptions = { actor: Actor } & z.input<
  typeof confirmFeasibilitySchema
>;

export async function confirmOrderFeasibility(opts: ConfirmOrderFeasibilityOptions) {
  assertCanWorkOrders(opts.actor);
  const { orderId, note } = confirmFeasibilitySchema.parse(opts);
  const by = opts.actor.kind === "user" ? opts.actor.id : null;
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { status: string; feasibility: string | null; customerId: string }[]
    >`SELECT "status", "feasibility", "customerId" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
    if (!locked) throw notFound("Order");
    if (locked.feasibility !== "UNVERIFIED")
      throw new AppError("CONFLICT", "Feasibility of this order needs no confirmation.");
    if (locked.status !== "NEW" && locked.status !== "SCHEDULED")
      throw new AppError("CONFLICT", `This order is ${locked.status.toLowerCase()}.`);
    await tx.order.update({
      where: { id: orderId },
      data: {
        feasibility: "CONFIRMED",
        feasibilityConfirmedAt: now(),
        feasibilityConfirmedById: by,
      },
    });
    await tx.orderNote.create({
      data: { orderId, body: `Feasibility confirmed: ${note}`, authorId: by },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "order.feasibility_confirm",
        entityType: "Order",
        entityId: orderId,
        customerId: locked.customerId,
        data: { note },
      },
      tx,
    );
  });
}
