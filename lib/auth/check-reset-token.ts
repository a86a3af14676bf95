import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { hashResetToken } from "./issue-password-link";

/** Whether a reset link still works, so the page can say so before the person types a password. */
export async function checkResetToken(token: string): Promise<{ valid: boolean; email?: string }> {
  if (!token) return { valid: false };
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, active: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now() || !row.user.active) return { valid: false };
  return { valid: true, email: row.user.email };
}
