// Staff send a customer a link to set a new portal password (a phone call: "I can't sign in").
// Staff never see or choose the password; the link works once, for an hour. Audited.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { issuePasswordLink } from "@/lib/auth/issue-password-link";

export type SendPortalPasswordLinkOptions = { actor: Actor; customerId: string };

export async function sendPortalPasswordLink({ actor, customerId }: SendPortalPasswordLinkOptions) {
  if (actor.kind === "user" && actor.role === "CUSTOMER") throw notFound("Customer");
  // Front-desk roles (not technicians in the field).
  if (!can(actor, "customers:write")) assertCan(actor, "customers:read_financial");
  const user = await db.user.findUnique({
    where: { customerId },
    select: { id: true, email: true, name: true, active: true, customerId: true },
  });
  if (!user) {
    const exists = await db.customer.findUnique({
      where: { id: customerId },
      select: { id: true },
    });
    if (!exists) throw notFound("Customer");
    throw new AppError("CONFLICT", "This customer has no portal login yet.");
  }
  if (!user.active) throw new AppError("CONFLICT", "This portal login is deactivated.");
  return db.$transaction(async (tx) => {
    const { expiresAt } = await issuePasswordLink(tx, { user, purpose: "reset" });
    await recordAudit(
      {
        actor,
        action: "customer.portal_password_link",
        entityType: "User",
        entityId: user.id,
        customerId,
      },
      tx,
    );
    return { email: user.email, expiresAt };
  });
}
