// Orders placed with the signed-in person's email address that wait for them to confirm.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";

export type ListHeldOrdersOptions = { actor: Actor };

export async function listHeldOrders(opts: ListHeldOrdersOptions) {
  if (opts.actor.kind !== "user") return [];
  return db.order.findMany({
    where: { heldForUserId: opts.actor.id, status: { in: ["NEW", "SCHEDULED"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, number: true, createdAt: true },
  });
}
