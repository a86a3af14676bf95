import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { getDeletionRequest } from "./request-account-deletion";

export type GetMyProfileOptions = { actor: Actor; customerId: string };

/** The profile page: contact details, consents and any pending deletion request. */
export async function getMyProfile({ actor, customerId }: GetMyProfileOptions) {
  assertCustomerAccess(actor, customerId, "customers:read");
  const [c, deletion] = await Promise.all([
    db.customer.findUnique({
      where: { id: customerId },
      select: {
        firstName: true,
        lastName: true,
        companyName: true,
        email: true,
        phone: true,
        marketingOptIn: true,
        termsAcceptedAt: true,
        privacyAcceptedAt: true,
        billingAddress: {
          select: { line1: true, line2: true, suburb: true, city: true, postalCode: true },
        },
      },
    }),
    getDeletionRequest({ actor, customerId }),
  ]);
  if (!c) throw notFound("Customer");
  return { ...c, deletionRequestedAt: deletion?.at ?? null };
}
