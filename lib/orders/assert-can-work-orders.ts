import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/auth/roles";

/** Notes and scheduling are for sales (orders:write) and technicians (orders:activate) alike. */
export function assertCanWorkOrders(actor: Actor) {
  if (!can(actor, "orders:write") && !can(actor, "orders:activate"))
    throw new AppError("FORBIDDEN", "Your role may not work on orders.");
}
