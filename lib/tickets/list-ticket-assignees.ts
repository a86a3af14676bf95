// Colleagues a ticket can be assigned to: active staff whose role works tickets.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, ROLE_PERMISSIONS, STAFF_ROLES, type Actor } from "@/lib/auth/roles";

export type ListTicketAssigneesOptions = { actor: Actor };

export async function listTicketAssignees({ actor }: ListTicketAssigneesOptions) {
  assertCan(actor, "tickets:read");
  const roles = STAFF_ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("tickets:write"));
  return db.user.findMany({
    where: { active: true, role: { in: [...roles] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
}
