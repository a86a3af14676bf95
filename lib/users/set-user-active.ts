import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { assertAnotherActiveAdmin, lockStaffUser } from "./staff-guards";

/**
 * Deactivates (or reactivates) a staff account. A deactivated account cannot sign in, and its
 * open sessions end on their next request; they stay ended after a reactivation, because
 * deactivating moves the sessionVersion on.
 */
export async function setUserActive(actor: Actor, opts: { userId: string; active: boolean }) {
  assertCan(actor, "users:write");
  if (!opts.active && actor.kind === "user" && actor.id === opts.userId) {
    throw new AppError("CONFLICT", "You cannot deactivate your own account.");
  }
  return db.$transaction(async (tx) => {
    const user = await lockStaffUser(tx, opts.userId);
    if (user.active === opts.active) return user;
    if (!opts.active && user.role === "ADMIN") await assertAnotherActiveAdmin(tx, user.id);
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { active: opts.active, ...(!opts.active && { sessionVersion: { increment: 1 } }) },
      select: { id: true, name: true, email: true, role: true, active: true },
    });
    await recordAudit(
      {
        actor,
        action: opts.active ? "user.reactivate" : "user.deactivate",
        entityType: "User",
        entityId: user.id,
        data: { email: user.email },
      },
      tx,
    );
    return updated;
  });
}
