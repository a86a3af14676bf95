// "Forgot password": answers the same whether or not the address has an account, so the form
// cannot be used to find out who is a customer. Rate-limited per address and per IP.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { publish } from "@/lib/events/publish";
import { notificationQueued } from "@/lib/events/events";
import { issuePasswordLink } from "./issue-password-link";

export const requestPasswordResetSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
});

export const RESET_REQUESTED_MESSAGE =
  "If an account uses that address, we have sent it a link to choose a new password. The link works for one hour.";

export async function requestPasswordReset(opts: {
  email: string;
  ip?: string | null;
}): Promise<void> {
  const { email } = requestPasswordResetSchema.parse(opts);
  await enforceRateLimit(`pwreset:ip:${opts.ip ?? "unknown"}`, 20, 3600);
  await enforceRateLimit(`pwreset:email:${email}`, 3, 3600);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, customerId: true },
  });
  if (!user?.active) return;
  const { notificationId } = await db.$transaction(async (tx) => {
    const issued = await issuePasswordLink(tx, { user, purpose: "reset" });
    await recordAudit(
      {
        actor: { kind: "system", name: "password reset" },
        action: "auth.password_reset_requested",
        entityType: "User",
        entityId: user.id,
        customerId: user.customerId,
        ip: opts.ip,
      },
      tx,
    );
    return issued;
  });
  // Delivery happens after the answer (the event wakes the mail sweep), so answering takes no
  // longer for a real account than for an unknown address.
  await publish(notificationQueued.create({ notificationId }));
}
