// Completes a reset or invitation link: one use, within its expiry, for an active account.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time/clock";
import { hashPassword } from "./password";
import { hashResetToken } from "./issue-password-link";
import { clearSignInThrottle } from "./sign-in-limits";

export const newPasswordSchema = z
  .object({
    token: z.string().min(1, "The link is incomplete"),
    password: z
      .string()
      .min(10, "Use at least 10 characters")
      .max(200, "Use at most 200 characters"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The passwords do not match",
  });

const LINK_INVALID = "This link has expired or has already been used. Ask for a new one.";

export async function resetPassword(
  input: z.input<typeof newPasswordSchema> & { ip?: string | null },
): Promise<{ email: string }> {
  const { token, password } = newPasswordSchema.parse(input);
  const tokenHash = hashResetToken(token);
  const found = await db.passwordResetToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      user: {
        select: { id: true, email: true, name: true, role: true, active: true, customerId: true },
      },
    },
  });
  const at = now();
  if (!found || found.usedAt || found.expiresAt <= at || !found.user.active)
    throw new AppError("UNPROCESSABLE", LINK_INVALID);
  const { user } = found;
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    // The conditional update is the single-use guarantee: of two concurrent submits one wins.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: found.id, usedAt: null, expiresAt: { gt: at } },
      data: { usedAt: at },
    });
    if (claimed.count !== 1) throw new AppError("UNPROCESSABLE", LINK_INVALID);
    // Any other outstanding link for this account stops working too.
    await tx.passwordResetToken.updateMany({
      where: { userId: user.id, usedAt: null },
      data: { usedAt: at },
    });
    await tx.user.update({
      where: { id: user.id },
      // Whoever held a session (perhaps the reason for the reset) is signed out.
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await recordAudit(
      {
        actor: { kind: "user", id: user.id, role: user.role, name: user.name },
        action: "auth.password_reset",
        entityType: "User",
        entityId: user.id,
        customerId: user.customerId,
        ip: input.ip,
      },
      tx,
    );
  });
  await clearSignInThrottle(user.email);
  return { email: user.email };
}
