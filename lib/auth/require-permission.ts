import { forbidden } from "next/navigation";
import { requireStaff, type UserActor } from "./session";
import { can, type Permission } from "./roles";

/**
 * For admin layouts and pages: a signed-in staff member with `permission`. Others get the 403
 * page (app/forbidden.tsx): they are colleagues, and knowing the page exists hides nothing.
 */
export async function requirePermission(
  permission: Permission,
  returnTo = "/admin",
): Promise<UserActor> {
  const actor = await requireStaff(returnTo);
  if (!can(actor, permission)) forbidden();
  return actor;
}
