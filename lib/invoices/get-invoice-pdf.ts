// The stored PDF of an invoice, rendered on first request if the finalisation event has not
// done it yet. Customers see their own invoices only; staff need billing:read.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { renderInvoicePdf } from "./render-invoice-pdf";

export async function getInvoicePdf(opts: {
  invoiceId: string;
  actor: Actor;
}): Promise<{ filename: string; pdf: Buffer }> {
  const inv = await db.invoice.findUnique({
    where: { id: opts.invoiceId },
    select: { id: true, customerId: true, number: true, status: true, pdf: true },
  });
  if (!inv) throw notFound("Invoice");
  assertCustomerAccess(opts.actor, inv.customerId, "billing:read");
  if (opts.actor.kind === "user" && opts.actor.role === "CUSTOMER" && inv.status === "DRAFT")
    throw notFound("Invoice");
  const pdf = inv.pdf ? Buffer.from(inv.pdf) : await renderInvoicePdf(inv.id);
  return { filename: `${inv.number ?? `draft-${inv.id}`}.pdf`, pdf };
}
