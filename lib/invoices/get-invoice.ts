// One invoice with its lines, credit notes and payments, for its customer or billing staff.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { taxBreakdown } from "@/lib/billing/tax";
import { serializeInvoice, serializeInvoiceLine } from "@/lib/billing/serialize";

export async function getInvoice(opts: { invoiceId: string; actor: Actor }) {
  const inv = await db.invoice.findUnique({
    where: { id: opts.invoiceId },
    include: {
      lines: { orderBy: { sortOrder: "asc" } },
      creditNotes: { orderBy: { issuedAt: "asc" } },
      allocations: {
        include: {
          payment: { select: { id: true, method: true, reference: true, receivedAt: true } },
        },
      },
      customer: {
        select: {
          id: true,
          accountNumber: true,
          firstName: true,
          lastName: true,
          companyName: true,
          email: true,
          phone: true,
          paymentReference: true,
        },
      },
    },
  });
  if (!inv) throw notFound("Invoice");
  assertCustomerAccess(opts.actor, inv.customerId, "billing:read");
  if (opts.actor.kind === "user" && opts.actor.role === "CUSTOMER" && inv.status === "DRAFT")
    throw notFound("Invoice");
  return {
    ...serializeInvoice(inv),
    lines: inv.lines.map(serializeInvoiceLine),
    customer: inv.customer,
    taxes: taxBreakdown(
      inv.lines.map((l) => ({
        taxRate: l.taxRate.toString(),
        netAmount: l.netAmount,
        taxAmount: l.taxAmount,
      })),
    ),
    creditNotes: inv.creditNotes.map((c) => ({
      id: c.id,
      number: c.number,
      total: c.total,
      taxAmount: c.taxAmount,
      reason: c.reason,
      issuedAt: c.issuedAt.toISOString(),
    })),
    payments: inv.allocations.map((a) => ({
      paymentId: a.paymentId,
      amount: a.amount,
      method: a.payment.method,
      reference: a.payment.reference,
      receivedAt: a.payment.receivedAt.toISOString(),
    })),
    hasPdf: Boolean(inv.pdf),
  };
}
