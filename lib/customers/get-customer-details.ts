import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, can, type Actor } from "@/lib/auth/roles";

export type GetCustomerDetailsOptions = { actor: Actor; customerId: string };

/**
 * The contact side of the admin 360° view (services and orders come from getCustomerOverview).
 * Identity numbers are shown only to roles that may edit the customer or see their finances.
 */
export async function getCustomerDetails({ actor, customerId }: GetCustomerDetailsOptions) {
  assertCan(actor, "customers:read");
  const c = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      accountNumber: true,
      type: true,
      status: true,
      firstName: true,
      lastName: true,
      companyName: true,
      email: true,
      phone: true,
      idNumber: true,
      taxNumber: true,
      paymentReference: true,
      currency: true,
      marketingOptIn: true,
      termsAcceptedAt: true,
      createdAt: true,
      updatedAt: true,
      isDemo: true,
      billingAddress: {
        select: {
          id: true,
          line1: true,
          line2: true,
          suburb: true,
          city: true,
          postalCode: true,
          region: true,
          country: true,
        },
      },
      contacts: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true, phone: true, role: true },
      },
      user: { select: { email: true, active: true, lastLoginAt: true, passwordHash: true } },
      subscriptions: {
        where: { parentId: null, serviceAddressId: { not: null } },
        select: {
          serviceAddress: {
            select: {
              id: true,
              line1: true,
              line2: true,
              suburb: true,
              city: true,
              postalCode: true,
            },
          },
        },
      },
    },
  });
  if (!c) throw notFound("Customer");
  const seeIds = can(actor, "customers:write") || can(actor, "customers:read_financial");
  const serviceAddresses = new Map<
    string,
    NonNullable<(typeof c.subscriptions)[number]["serviceAddress"]>
  >();
  for (const s of c.subscriptions)
    if (s.serviceAddress && s.serviceAddress.id !== c.billingAddress?.id)
      serviceAddresses.set(s.serviceAddress.id, s.serviceAddress);
  const { subscriptions: _s, user, ...rest } = c;
  return {
    ...rest,
    idNumber: seeIds ? c.idNumber : c.idNumber ? "••••••" : null,
    taxNumber: seeIds ? c.taxNumber : c.taxNumber ? "••••••" : null,
    portalLogin: user
      ? {
          email: user.email,
          active: user.active,
          lastLoginAt: user.lastLoginAt,
          hasPassword: Boolean(user.passwordHash),
        }
      : null,
    serviceAddresses: [...serviceAddresses.values()],
  };
}
