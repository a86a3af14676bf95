// A signed-in person replaces their password, knowing the current one. This is also how staff
// given a temporary password by an admin get past requireStaff (mustChangePassword).
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time/clock";
import { clearRateLimit, countHit, rateLimited } from "@/lib/rate-limit/hit-rate-limit";
import type { UserActor } from "./session";
import { hashPassword, verifyPassword } from "./password";

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "Enter your current password"),
    password: z
      .string()
      .min(10, "Use at least 10 characters")
      .max(200, "Use at most 200 characters"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The passwords do not match",
  })
  .refine((v) => v.password !== v.current, {
    path: ["password"],
    message: "Choose a password different from the current one",
  });

// Someone holding a session (a borrowed laptop) may not guess the current password at leisure.
const WRONG_CURRENT = { limit: 5, windowSeconds: 15 * 60 };

/** Returns the new sessionVersion: every other session of the user has ended. */
export async function changePassword(opts: {
  actor: UserActor;
  input: z.input<typeof changePasswordSchema>;
  ip?: string | null;
}): Promise<{ sessionVersion: number }> {
  const { current, password } = changePasswordSchema.parse(opts.input);
  const user = await db.user.findUnique({
    where: { id: opts.actor.id },
    select: {
      id: true,
      active: true,
      passwordHash: true,
      mustChangePassword: true,
      customerId: true,
    },
  });
  if (!user?.active) throw new AppError("FORBIDDEN", "Sign in again to change your password.");
  const limitKey = `pwchange:user:${user.id}`;
  if ((await countHit(limitKey, WRONG_CURRENT.windowSeconds)) > WRONG_CURRENT.limit)
    throw rateLimited();
  if (!(await verifyPassword(user.passwordHash, current))) {
    await recordAudit({
      actor: opts.actor,
      action: "auth.password_change_failed",
      entityType: "User",
      entityId: user.id,
      customerId: user.customerId,
      ip: opts.ip,
      data: { reason: "wrong current password" },
    });
    throw new AppError("VALIDATION", "That is not your current password.", {
      current: "That is not your current password",
    });
  }
  await clearRateLimit(limitKey);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    // Links issued before the change must not undo it.
    await tx.passwordResetToken.updateMany({
      where: { userId: user.id, usedAt: null },
      data: { usedAt: now() },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "auth.password_changed",
        entityType: "User",
        entityId: user.id,
        customerId: user.customerId,
        ip: opts.ip,
        data: { wasTemporary: user.mustChangePassword },
      },
      tx,
    );
    return { sessionVersion: updated.sessionVersion };
  });
}
