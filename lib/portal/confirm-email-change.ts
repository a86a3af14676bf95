// Applies an email change from its signed link (email-change-token.ts) for the signed-in customer
// it was issued to: the contact email and the sign-in email move together, audited.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { readEmailChangeToken } from "./email-change-token";

export type ConfirmEmailChangeOptions = { actor: Actor; token: string };

export async function confirmEmailChange({ actor, token }: ConfirmEmailChangeOptions) {
  const link = readEmailChangeToken(token);
  if (!link)
    throw new AppError("VALIDATION", "This link is not valid or has expired. Ask for a new one.", {
      token: "invalid or expired",
    });
  assertCustomerAccess(actor, link.customerId, "customers:write");
  return db.$transaction(async (tx) => {
    const c = await tx.customer.findUnique({
      where: { id: link.customerId },
      select: { email: true, user: { select: { id: true } } },
    });
    if (!c) throw notFound("Customer");
    if (c.email === link.email) return { email: link.email, changed: false };
    const taken = await tx.user.findUnique({ where: { email: link.email }, select: { id: true } });
    if (taken && taken.id !== c.user?.id)
      throw new AppError("CONFLICT", "Another account signs in with that email.");
    await tx.customer.update({ where: { id: link.customerId }, data: { email: link.email } });
    if (c.user) await tx.user.update({ where: { id: c.user.id }, data: { email: link.email } });
    await recordAudit(
      {
        actor,
        action: "customer.email_changed",
        entityType: "Customer",
        entityId: link.customerId,
        customerId: link.customerId,
        data: { from: c.email, to: link.email },
      },
      tx,
    );
    return { email: link.email, changed: true };
  });
}
