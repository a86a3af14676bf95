import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, can, type Actor } from "@/lib/auth/roles";

/**
 * One order with what the pipeline needs. Bank details appear only masked, and only to roles
 * that may see a customer's finances (POPIA minimum necessary: a technician sees the address).
 */
export async function getOrder(opts: { actor: Actor; id: string }) {
  assertCan(opts.actor, "orders:read");
  const order = await db.order.findUnique({
    where: { id: opts.id },
    include: {
      customer: {
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
          paymentMethods: {
            select: {
              id: true,
              kind: true,
              isDefault: true,
              cardBrand: true,
              cardLast4: true,
              mandate: {
                select: {
                  id: true,
                  accountHolder: true,
                  accountLast4: true,
                  bankCode: true,
                  mandateReference: true,
                  signedAt: true,
                },
              },
            },
          },
        },
      },
      serviceAddress: true,
      assignedTo: { select: { id: true, name: true } },
      feasibilityConfirmedBy: { select: { name: true } },
      heldForUser: { select: { name: true, role: true, customerId: true } },
      subscriptions: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          price: true,
          interval: true,
          startDate: true,
          nextBillDate: true,
          parentId: true,
          product: { select: { name: true, code: true } },
        },
      },
      contracts: {
        select: {
          id: true,
          signerName: true,
          signedAt: true,
          signerIp: true,
          documentHash: true,
          typedSignature: true,
          template: { select: { version: true } },
        },
      },
      notes: {
        orderBy: { createdAt: "desc" },
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!order) throw notFound("Order");
  const financial = can(opts.actor, "customers:read_financial");
  const customer = {
    ...order.customer,
    paymentMethods: financial
      ? order.customer.paymentMethods
      : order.customer.paymentMethods.map((m) => ({ ...m, mandate: null, cardLast4: null })),
  };
  return {
    ...order,
    customer,
    canSeePayment: financial,
    canRevealAccount: can(opts.actor, "customers:read_bank_details"),
  };
}
