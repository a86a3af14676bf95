// The invoice a rail is asked to charge: the caller's own (customers) or any (staff with
// payments:write), still open, with what is left to pay.
import "server-only";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

export async function openInvoiceForCharge(tx: Tx, actor: Actor, invoiceId: string) {
  const invoice = await tx.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      total: true,
      amountPaid: true,
      amountCredited: true,
      dueDate: true,
      customer: { select: { id: true, accountNumber: true, phone: true } },
    },
  });
  if (!invoice) throw notFound("Invoice");
  assertCustomerAccess(actor, invoice.customer.id, "payments:write");
  if (invoice.status !== "OPEN" && invoice.status !== "PARTIALLY_PAID")
    throw new AppError("CONFLICT", `Invoice ${invoice.number ?? ""} is not open for payment.`);
  const due = invoice.total - invoice.amountPaid - invoice.amountCredited;
  if (due <= 0) throw new AppError("CONFLICT", "Nothing is left to pay on this invoice.");
  return { ...invoice, due };
}
