import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { staffRoleSchema } from "./create-staff-user";
import { assertAnotherActiveAdmin, lockStaffUser } from "./staff-guards";

export const changeUserRoleSchema = z.object({ userId: z.string().min(1), role: staffRoleSchema });
export type ChangeUserRoleOptions = { actor: Actor } & z.input<typeof changeUserRoleSchema>;

/** Moves a staff member to another staff role (audited as a role change). Sessions pick it up on the next request. */
export async function changeUserRole({ actor, ...input }: ChangeUserRoleOptions) {
  assertCan(actor, "users:write");
  const { role, ...opts } = changeUserRoleSchema.parse(input);
  return db.$transaction(async (tx) => {
    const user = await lockStaffUser(tx, opts.userId);
    if (user.role === role) return user;
    if (user.role === "ADMIN" && user.active) await assertAnotherActiveAdmin(tx, user.id);
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { role },
      select: { id: true, name: true, email: true, role: true, active: true },
    });
    await recordAudit(
      {
        actor,
        action: "user.role_change",
        entityType: "User",
        entityId: user.id,
        data: { email: user.email, from: user.role, to: role },
      },
      tx,
    );
    return updated;
  });
}
