// Everything an invoice PDF shows, read once: the frozen snapshot (customer and ISP as they were
// at finalisation), lines, tax per rate, service addresses, how this customer pays and the
// balance brought forward — the balance at issue time: every ledger entry effective before the
// invoice, in effective-date order (on the issue date, those posted before it). The stored PDF
// freezes it; a payment recorded later with an earlier date does not change a document sent.
// at finalisation), lines, tax per rate, service addresses and the balance brought forward.
import "server-only";
import Decimal from "decimal.js";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { appUrl } from "@/lib/env";
import { isCardPaymentEnabled } from "@/lib/payment-methods/card-payments-enabled";
import { payLinkUrl } from "@/lib/payments/pay-link";
import { now } from "@/lib/time/clock";
import { fromDbDate, addDays, type IsoDate } from "@/lib/time/dates";
import { taxBreakdown, type TaxRow } from "@/lib/billing/tax";
import type { PaymentInstructions } from "@/lib/payment-methods/describe-payment";
import { readPaymentInstructions } from "@/lib/payment-methods/get-payment-instructions";
import { invoiceBrCode } from "@/lib/payments/rails/pix/invoice-br-code";

export type InvoiceSnapshot = {
  customer: {
    accountNumber: string;
    type: string;
    firstName: string;
    lastName: string;
    companyName: string | null;
    email: string;
    taxNumber: string | null;
    paymentReference: string;
    address: {
      line1: string;
      line2: string | null;
      suburb: string | null;
      city: string;
      postalCode: string | null;
      region: string | null;
      country: string;
    } | null;
  };
  isp: {
    name: string;
    legalName: string | null;
    taxNumber: string | null;
    registrationNumber: string | null;
    email: string | null;
    phone: string | null;
    website: string | null;
    logoUrl: string | null;
    brandColor: string;
    address: string[];
    locale: string;
    pricesIncludeTax: boolean;
    bank: {
      name: string | null;
      accountName: string | null;
      accountNumber: string | null;
      branchCode: string | null;
      iban: string | null;
      bic: string | null;
    };
  };
};

export type InvoicePdfData = {
  id: string;
  number: string | null;
  status: string;
  currency: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  subtotal: number;
  taxTotal: number;
  total: number;
  amountPaid: number;
  amountCredited: number;
  broughtForward: number;
  snapshot: InvoiceSnapshot;
  lines: {
    description: string;
    periodStart: IsoDate | null;
    periodLast: IsoDate | null;
    quantity: string;
    unitAmount: number;
    taxRate: string;
    netAmount: number;
    taxAmount: number;
    totalAmount: number;
  }[];
  taxes: TaxRow[];
  serviceAddresses: string[];
  payment: PaymentInstructions;
  payUrl: string;
  /** The static Pix BR Code ("copia e cola") when the ISP prints one on invoices (BRL). */
  pixCopiaECola?: string | null;
};

async function liveSnapshot(customerId: string): Promise<InvoiceSnapshot> {
  // Drafts have no snapshot yet: show the current details (marked DRAFT on the page).
  const [c, s] = await Promise.all([
    db.customer.findUniqueOrThrow({ where: { id: customerId }, include: { billingAddress: true } }),
    db.ispSettings.findUniqueOrThrow({ where: { id: 1 } }),
  ]);
  return {
    customer: { ...c, type: c.type, address: c.billingAddress },
    isp: {
      ...s,
      address: [s.addressLine1, s.addressLine2, s.city, s.postalCode, s.region, s.country].filter(
        (x): x is string => !!x,
      ),
      bank: {
        name: s.bankName,
        accountName: s.bankAccountName,
        accountNumber: s.bankAccountNumber,
        branchCode: s.bankBranchCode,
        iban: s.bankIban,
        bic: s.bankBic,
      },
    },
  };
}

export async function loadInvoicePdfData(invoiceId: string): Promise<InvoicePdfData> {
  const inv = await db.invoice.findUnique({
    where: { id: invoiceId },
    include: {
      lines: {
        orderBy: { sortOrder: "asc" },
        include: { subscription: { include: { serviceAddress: true } } },
      },
      ledger: { select: { id: true } },
    },
  });
  if (!inv) throw notFound("Invoice");
  const own = inv.ledger.map((l) => l.id).sort((a, b) => (a < b ? -1 : 1))[0];
  const before = await db.ledgerEntry.aggregate({
    where: {
      customerId: inv.customerId,
      OR: [
        { effectiveDate: { lt: inv.issueDate } },
        { effectiveDate: inv.issueDate, ...(own ? { id: { lt: own } } : {}) },
      ],
    },
    _sum: { amount: true },
  });
  const addresses = new Set<string>();
  for (const l of inv.lines) {
    const a = l.subscription?.serviceAddress;
    if (a)
      addresses.add([a.line1, a.line2, a.suburb, a.city, a.postalCode].filter(Boolean).join(", "));
  }
  return {
    id: inv.id,
    number: inv.number,
    status: inv.status,
    currency: inv.currency,
    issueDate: fromDbDate(inv.issueDate),
    dueDate: fromDbDate(inv.dueDate),
    subtotal: inv.subtotal,
    taxTotal: inv.taxTotal,
    total: inv.total,
    amountPaid: inv.amountPaid,
    amountCredited: inv.amountCredited,
    broughtForward: before._sum.amount ?? 0,
    snapshot: (inv.snapshot as InvoiceSnapshot | null) ?? (await liveSnapshot(inv.customerId)),
    lines: inv.lines.map((l) => ({
      description: l.description,
      periodStart: l.periodStart ? fromDbDate(l.periodStart) : null,
      periodLast: l.periodEnd ? addDays(fromDbDate(l.periodEnd), -1) : null, // stored exclusive, shown inclusive
      quantity: new Decimal(l.quantity.toString()).toString(),
      unitAmount: l.unitAmount,
      taxRate: l.taxRate.toString(),
      netAmount: l.netAmount,
      taxAmount: l.taxAmount,
      totalAmount: l.totalAmount,
    })),
    taxes: taxBreakdown(
      inv.lines.map((l) => ({
        taxRate: l.taxRate.toString(),
        netAmount: l.netAmount,
        taxAmount: l.taxAmount,
      })),
    ),
    serviceAddresses: [...addresses],
    payment: await readPaymentInstructions(db, inv.customerId),
    // With card payments on, the QR code and link are a signed pay link ("Pay online", no sign-in;
    // 90 days, since the PDF is stored once); otherwise the invoice in the portal.
    payUrl: isCardPaymentEnabled()
      ? payLinkUrl({ invoiceId: inv.id, expiresAt: new Date(now().getTime() + 90 * 86_400_000) })
      : `${appUrl()}/portal/invoices/${inv.id}`,
    pixCopiaECola: await invoiceBrCode({
      number: inv.number,
      currency: inv.currency,
      due: inv.total - inv.amountPaid - inv.amountCredited,
    }),
  };
}
