// Everything a receipt shows, read once: the ISP as it is now (a receipt is issued when asked
// for, unlike an invoice's frozen snapshot), the customer, the payment and where its money went.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { fromDbDate, type IsoDate } from "@/lib/time/dates";
import { paymentMethodLabel } from "@/lib/format/labels";

export type ReceiptPdfData = {
  number: string;
  status: string;
  currency: string;
  amount: number;
  unallocated: number;
  refunded: number;
  method: string;
  reference: string | null;
  receivedOn: IsoDate;
  reversalReason: string | null;
  customer: { name: string; accountNumber: string; email: string; address: string | null };
  isp: {
    name: string;
    legalName: string | null;
    taxNumber: string | null;
    email: string | null;
    phone: string | null;
    website: string | null;
    logoUrl: string | null;
    brandColor: string;
    address: string[];
    locale: string;
  };
  allocations: { invoiceNumber: string; issueDate: IsoDate; amount: number }[];
};

export async function loadReceiptPdfData(paymentId: string): Promise<ReceiptPdfData> {
  const p = await db.payment.findUnique({
    where: { id: paymentId },
    include: {
      customer: { include: { billingAddress: true } },
      allocations: {
        include: { invoice: { select: { number: true, issueDate: true } } },
        orderBy: { invoice: { dueDate: "asc" } },
      },
      refunds: { select: { amount: true } },
    },
  });
  if (!p || !p.number) throw notFound("Receipt");
  const s = await getSettings();
  const c = p.customer;
  const a = c.billingAddress;
  return {
    number: p.number,
    status: p.status,
    currency: p.currency,
    amount: p.amount,
    unallocated: p.unallocated,
    refunded: p.refunds.reduce((sum, r) => sum + r.amount, 0),
    method: paymentMethodLabel(p.method),
    reference: p.reference,
    receivedOn: fromDbDate(p.receivedOn),
    reversalReason: p.reversalReason,
    customer: {
      name: c.companyName ?? `${c.firstName} ${c.lastName}`,
      accountNumber: c.accountNumber,
      email: c.email,
      address: a
        ? [a.line1, a.line2, a.suburb, a.city, a.postalCode].filter(Boolean).join(", ")
        : null,
    },
    isp: {
      ...s,
      address: [s.addressLine1, s.addressLine2, s.city, s.postalCode, s.region, s.country].filter(
        (x): x is string => !!x,
      ),
    },
    allocations: p.allocations.map((al) => ({
      invoiceNumber: al.invoice.number ?? "",
      issueDate: fromDbDate(al.invoice.issueDate),
      amount: al.amount,
    })),
  };
}
