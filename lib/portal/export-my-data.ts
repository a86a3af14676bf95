// POPIA s23 / GDPR art. 15 and 20: everything we hold about the subscriber, in one JSON document
// (and a PDF of the same, export-my-data-pdf.tsx). Secrets stay out: bank account numbers are
// masked, no password hashes or PPPoE passwords, no signature images. Every query is bounded by
// the customer's own rows.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";

export type ExportMyDataOptions = { actor: Actor; customerId: string };

const ADDRESS = {
  select: { line1: true, line2: true, suburb: true, city: true, postalCode: true, country: true },
} as const;

export async function exportMyData({ actor, customerId }: ExportMyDataOptions) {
  assertCustomerAccess(actor, customerId, "customers:read_financial");
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
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
      privacyAcceptedAt: true,
      createdAt: true,
      billingAddress: ADDRESS,
      user: { select: { email: true, createdAt: true, lastLoginAt: true } },
      contacts: { select: { name: true, email: true, phone: true, role: true } },
    },
  });
  if (!customer) throw notFound("Customer");
  const where = { customerId };
  const [services, orders, contracts, invoices, creditNotes, payments, methods, messages] =
    await Promise.all([
      db.subscription.findMany({
        where,
        orderBy: { createdAt: "asc" },
        select: {
          status: true,
          price: true,
          interval: true,
          startDate: true,
          cancelAt: true,
          contractEndDate: true,
          radiusUsername: true,
          product: { select: { name: true } },
          serviceAddress: ADDRESS,
        },
      }),
      db.order.findMany({
        where,
        orderBy: { createdAt: "asc" },
        select: { number: true, status: true, createdAt: true },
      }),
      db.contract.findMany({
        where,
        orderBy: { signedAt: "asc" },
        select: { signerName: true, signedAt: true, signerIp: true, documentHash: true },
      }),
      db.invoice.findMany({
        where: { ...where, status: { not: "DRAFT" } },
        orderBy: { issueDate: "asc" },
        select: { number: true, status: true, issueDate: true, dueDate: true, total: true },
      }),
      db.creditNote.findMany({
        where,
        orderBy: { issuedAt: "asc" },
        select: { number: true, total: true, reason: true, issuedAt: true },
      }),
      db.payment.findMany({
        where,
        orderBy: { receivedAt: "asc" },
        select: { method: true, status: true, amount: true, receivedAt: true, reference: true },
      }),
      db.paymentMethod.findMany({
        where,
        select: {
          kind: true,
          cardBrand: true,
          cardLast4: true,
          createdAt: true,
          mandate: { select: { accountHolder: true, accountLast4: true, signedAt: true } },
        },
      }),
      db.notification.findMany({
        where,
        orderBy: { createdAt: "asc" },
        select: { channel: true, to: true, subject: true, createdAt: true, sentAt: true },
      }),
    ]);
  await recordAudit({
    actor,
    action: "customer.data_exported",
    entityType: "Customer",
    entityId: customerId,
    customerId,
  });
  return {
    exportedAt: now().toISOString(),
    customer,
    services,
    orders,
    contracts,
    invoices,
    creditNotes,
    payments,
    paymentMethods: methods,
    messages,
  };
}
export type MyDataExport = Awaited<ReturnType<typeof exportMyData>>;
