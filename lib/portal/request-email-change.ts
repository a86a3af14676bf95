// A subscriber asks to change their email (which is also how they sign in): nothing changes until
// they follow the link mailed to the new address (confirm-email-change.ts), so a typo or someone
// at an unlocked screen cannot move the account to an address its owner does not read. The old
// address is told, so an unexpected change is noticed.
import "server-only";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { SECRET_MARK } from "@/lib/notifications/sealed-secret";
import { getBranding } from "@/lib/settings/get-branding";
import { EMAIL_CHANGE_HOURS, emailChangeToken } from "./email-change-token";
import { emailChangeSchema } from "./profile-schema";

export type RequestEmailChangeOptions = { actor: Actor; customerId: string; email: string };

export async function requestEmailChange({
  actor,
  customerId,
  ...input
}: RequestEmailChangeOptions) {
  assertCustomerAccess(actor, customerId, "customers:write");
  const { email } = emailChangeSchema.parse(input);
  const c = await db.customer.findUnique({
    where: { id: customerId },
    select: { email: true, firstName: true, user: { select: { id: true } } },
  });
  if (!c) throw notFound("Customer");
  if (c.email === email)
    throw new AppError("VALIDATION", "That is already your email address.", { email: "unchanged" });
  const taken = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (taken && taken.id !== c.user?.id)
    throw new AppError("CONFLICT", "Another account signs in with that email.", {
      email: "Another account signs in with that email",
    });
  const brand = await getBranding();
  await db.$transaction(async (tx) => {
    await enqueueEmail(
      {
        to: email,
        subject: `Confirm your new email address for ${brand.name}`,
        text: `Hello ${c.firstName},\n\nYou asked to use this address for your ${brand.name} account. Confirm it here (the link works for ${EMAIL_CHANGE_HOURS} hours; you will be asked to sign in):\n${appUrl()}/portal/profile/confirm-email?token=${SECRET_MARK}\n\nIf you did not ask for this, ignore this email: nothing changes.\n`,
        secret: emailChangeToken({ customerId, email }),
        customerId,
      },
      tx,
    );
    await enqueueEmail(
      {
        to: c.email,
        subject: `A change of email address was requested for your ${brand.name} account`,
        text: `Hello ${c.firstName},\n\nSomeone signed in to your account asked to change its email address to ${email}. It changes only once the new address is confirmed. If this was not you, change your password and contact us.\n`,
        customerId,
      },
      tx,
    );
    await recordAudit(
      {
        actor,
        action: "customer.email_change_requested",
        entityType: "Customer",
        entityId: customerId,
        customerId,
        data: { to: email },
      },
      tx,
    );
  });
  return { email };
}
