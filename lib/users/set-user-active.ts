import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { yesNo } from "@/lib/http/form-fields";
import { assertAnotherActiveAdmin, lockStaffUser } from "./staff-guards";

export const setUserActiveSchema = z.object({ userId: z.string().min(1), active: yesNo() });
export type SetUserActiveOptions = { actor: Actor } & z.input<typeof setUserActiveSchema>;

/**
 * Deactivates (or reactivates) a staff account. A deactivated account cannot sign in, and its
 * open sessions end on their next request; they stay ended after a reactivation, because
 * deactivating moves the sessionVersion on.
 */
export async function setUserActive({ actor, ...input }: SetUserActiveOptions) {
  assertCan(actor, "users:write");
  const opts = setUserActiveSchema.parse(input);
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
