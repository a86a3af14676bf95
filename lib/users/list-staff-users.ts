import "server-only";
import { db } from "@/lib/db";
import { assertCan, STAFF_ROLES, type Actor } from "@/lib/auth/roles";

export type ListStaffUsersOptions = { actor: Actor };

/** Back-office accounts (not customers' portal logins), active first. */
export async function listStaffUsers({ actor }: ListStaffUsersOptions) {
  assertCan(actor, "users:write");
  const users = await db.user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastLoginAt: true,
      createdAt: true,
      passwordHash: true,
    },
  });
  return users.map(({ passwordHash, ...u }) => ({ ...u, invitePending: !passwordHash }));
}
