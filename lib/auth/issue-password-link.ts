// One-time links that let a person choose a password: "forgot password" and staff invitations.
// Only the SHA-256 of the token is kept for checking it; the email's copy is sealed until it is
// sent and dropped afterwards (lib/notifications/sealed-secret.ts), so neither a database leak
// nor the mail folder hands out working links.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { SECRET_MARK } from "@/lib/notifications/sealed-secret";
import { getBranding } from "@/lib/settings/get-branding";
import { now } from "@/lib/time/clock";

export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const RESET_TTL_HOURS = 1;
export const INVITE_TTL_HOURS = 72;

type LinkInput = {
  user: { id: string; email: string; name: string; customerId?: string | null };
  purpose: "reset" | "invite";
  invitedBy?: string;
};

/** Stores a new token for `user` and queues the email with the link; returns the outbox row id. */
export async function issuePasswordLink(
  tx: Tx,
  input: LinkInput,
): Promise<{ notificationId: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const hours = input.purpose === "invite" ? INVITE_TTL_HOURS : RESET_TTL_HOURS;
  const expiresAt = new Date(now().getTime() + hours * 3600_000);
  await tx.passwordResetToken.create({
    data: { userId: input.user.id, tokenHash: hashResetToken(token), expiresAt },
  });
  const brand = await getBranding();
  const link = `${appUrl()}/reset-password?token=${SECRET_MARK}`;
  const first = input.user.name.split(" ")[0];
  const email =
    input.purpose === "invite"
      ? {
          subject: `You're invited to ${brand.name}'s back office`,
          text: `Hello ${first},\n\n${input.invitedBy ?? "An administrator"} created a back-office account for you at ${brand.name}.\n\nChoose your password here (the link works for ${hours} hours, once):\n${link}\n\nYour sign-in email is ${input.user.email}.\n`,
        }
      : {
          subject: `Reset your ${brand.name} password`,
          text: `Hello ${first},\n\nSomeone (hopefully you) asked to reset the password of your ${brand.name} account.\n\nChoose a new password here (the link works for ${hours} hour, once):\n${link}\n\nIf you did not ask for this, ignore this email: your password stays as it is.\n`,
        };
  const n = await enqueueEmail(
    { to: input.user.email, ...email, secret: token, customerId: input.user.customerId ?? null },
    tx,
  );
  return { notificationId: n.id, expiresAt };
}
