import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

/** Staff an order can be assigned to: sales, technicians and admins who are active. */
export async function listAssignees(opts: { actor: Actor }) {
  assertCan(opts.actor, "orders:read");
  return db.user.findMany({
    where: { active: true, role: { in: ["ADMIN", "SALES", "TECHNICIAN"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
}
