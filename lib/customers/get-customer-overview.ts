import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";

export type GetCustomerOverviewOptions = { actor: Actor; customerId: string };

/** The customer's account, services and recent orders: the portal home and the admin 360° header. */
export async function getCustomerOverview({ actor, customerId }: GetCustomerOverviewOptions) {
  assertCustomerAccess(actor, customerId, "customers:read");
  const customer = await db.customer.findUnique({
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
      paymentReference: true,
      currency: true,
      billingAddress: {
        select: { line1: true, line2: true, suburb: true, city: true, postalCode: true },
      },
      subscriptions: {
        where: { status: { not: "CANCELLED" } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          price: true,
          interval: true,
          nextBillDate: true,
          startDate: true,
          parentId: true,
          product: {
            select: { name: true, technology: true, downloadMbps: true, uploadMbps: true },
          },
          serviceAddress: { select: { line1: true, suburb: true, city: true } },
        },
      },
      orders: {
        orderBy: { createdAt: "desc" },
        take: 5,
        select: { id: true, number: true, status: true, createdAt: true },
      },
    },
  });
  if (!customer) throw notFound("Customer");
  return customer;
}
