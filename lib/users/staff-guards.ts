import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { STAFF_ROLES } from "@/lib/auth/roles";

/** Loads a staff account for a change, locking it so two admins cannot race past the guards. */
export async function lockStaffUser(tx: Tx, userId: string) {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, active: true },
  });
  if (!user || !STAFF_ROLES.includes(user.role)) throw notFound("Staff user");
  return user;
}

/** Nobody may remove the last active administrator: the installation would be locked. */
export async function assertAnotherActiveAdmin(tx: Tx, exceptUserId: string) {
  // Lock every admin row so concurrent demotions see each other.
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "active" AND "id" <> ${exceptUserId} FOR UPDATE`;
  if (admins.length === 0)
    throw new AppError(
      "CONFLICT",
      "This is the last active administrator. Make someone else an administrator first.",
    );
}
