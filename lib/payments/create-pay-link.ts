// A signed pay link for one open invoice (staff and the API hand it to a customer; emails and the
// invoice PDF carry it too). Staff who may see the customer's money may make one.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { PAY_LINK_DAYS, payLinkUrl } from "./pay-link";

export type CreatePayLinkOptions = { actor: Actor; invoiceId: string; days?: number };

export async function createPayLink({
  actor,
  invoiceId,
  days = PAY_LINK_DAYS,
}: CreatePayLinkOptions) {
  assertCan(actor, "payments:read");
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: { status: true },
  });
  if (!invoice) throw notFound("Invoice");
  if (invoice.status !== "OPEN" && invoice.status !== "PARTIALLY_PAID")
    throw new AppError("CONFLICT", `A ${invoice.status.toLowerCase()} invoice cannot be paid.`);
  const expiresAt = new Date(now().getTime() + days * 86_400_000);
  expiresAt.setUTCMilliseconds(0);
  return { url: payLinkUrl({ invoiceId, expiresAt }), expiresAt: expiresAt.toISOString() };
}
