import { notFound } from "next/navigation";
import { requireStaff, type UserActor } from "./session";
import { can, type Permission } from "./roles";

/** For admin pages: a signed-in staff member with `permission`; others get a 404, not a hint. */
export async function requirePermission(
  permission: Permission,
  returnTo = "/admin",
): Promise<UserActor> {
  const actor = await requireStaff(returnTo);
  if (!can(actor, permission)) notFound();
  return actor;
}
