// Fills the versioned template with the order's details. Pure: the same inputs give the same
// content (and hash), which is how placement proves the signer saw what is being stored.
import { intervalUnit } from "@/lib/format/labels";
import { plural } from "@/lib/format/plural";
import { formatMoney } from "@/lib/money/format-money";
import type { Quote } from "@/lib/orders/build-quote";
import type { CheckoutDetails } from "@/lib/orders/checkout-schema";
import { INSTALL_SLOTS } from "@/lib/orders/checkout-schema";
import type { ContractContent } from "./contract-content";

export type ContractParty = {
  name: string;
  legalName: string | null;
  registrationNumber: string | null;
  taxNumber: string | null;
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
  city: string | null;
  postalCode: string | null;
  paymentTermsDays: number;
  locale: string;
};
export type PaymentSummary = { method: string; details: string; mandateText: string | null };

const KIND = { RECURRING: "", SETUP: "once-off", ONCE_OFF: "once-off" } as const;
type Address = {
  line1: string;
  line2?: string | null;
  suburb?: string | null;
  city: string;
  postalCode?: string | null;
};
export const formatAddress = (a: Address) =>
  [a.line1, a.line2, a.suburb, a.city, a.postalCode].filter(Boolean).join(", ");

export function renderContract(opts: {
  template: { version: number; title: string; body: string };
  isp: ContractParty;
  details: Omit<CheckoutDetails, "password">;
  quote: Quote;
  payment: PaymentSummary;
}): ContractContent {
  const { isp, details: d, quote: q } = opts;
  const money = (v: number) => formatMoney(v, q.currency, isp.locale);
  const customerName =
    d.customerType === "BUSINESS" && d.companyName
      ? `${d.companyName} (represented by ${d.firstName} ${d.lastName})`
      : `${d.firstName} ${d.lastName}`;
  const term = q.plan.contractMonths
    ? `${plural(q.plan.contractMonths, "month")} from activation`
    : "none (month to month)";
  const recurring = q.lines.find((l) => l.kind === "RECURRING" && l.productId === q.plan.id);
  const etf =
    q.plan.contractMonths && q.plan.earlyTerminationPercent
      ? `${q.plan.earlyTerminationPercent}% of the monthly charges for each remaining month of the minimum term`
      : "none";
  const values: Record<string, string> = {
    "isp.name": isp.legalName ?? isp.name,
    "customer.name": customerName,
    "service.address": formatAddress(d.serviceAddress),
    "contract.term": term,
    "contract.early_termination": etf,
    "payment.terms": plural(isp.paymentTermsDays, "day"),
    "plan.name": q.plan.name,
    "plan.fair_use": q.plan.fairUseNote ?? "",
    "price.recurring": money(q.totals.recurring.totalAmount),
    "price.once_off": money(q.totals.onceOff.totalAmount),
    "recurring.amount": recurring ? money(recurring.totalAmount) : "",
  };
  const fill = (s: string) =>
    s
      .replace(/\{\{\s*([a-z_.]+)\s*\}\}/g, (_, k: string) => values[k] ?? "")
      .replace(/[ \t]+$/gm, "")
      .trim();
  return {
    title: opts.template.title,
    templateVersion: opts.template.version,
    provider: {
      name: isp.name,
      legalName: isp.legalName ?? isp.name,
      registrationNumber: isp.registrationNumber,
      taxNumber: isp.taxNumber,
      address: [isp.addressLine1, isp.city, isp.postalCode].filter(Boolean).join(", "),
      email: isp.email,
      phone: isp.phone,
    },
    customer: {
      name: `${d.firstName} ${d.lastName}`,
      companyName: d.customerType === "BUSINESS" ? d.companyName : null,
      type: d.customerType,
      idNumber: d.idNumber,
      taxNumber: d.taxNumber,
      email: d.email,
      phone: d.phone,
      billingAddress: formatAddress(
        d.billingSameAsService || !d.billingAddress ? d.serviceAddress : d.billingAddress,
      ),
    },
    serviceAddress: formatAddress(d.serviceAddress),
    installPreference:
      INSTALL_SLOTS[d.installSlot] + (d.installNotes ? ` — ${d.installNotes}` : ""),
    clauses: fill(opts.template.body)
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean),
    schedule: {
      rows: q.lines.map((l) => ({
        description: l.description,
        charge: l.interval ? `per ${intervalUnit(l.interval)}` : KIND[l.kind],
        amount: money(l.totalAmount),
      })),
      recurringTotal: `${money(q.totals.recurring.totalAmount)} per ${intervalUnit(q.plan.interval)}`,
      onceOffTotal: money(q.totals.onceOff.totalAmount),
      taxNote: q.pricesIncludeTax
        ? `Amounts include tax (${money(q.totals.firstInvoice.taxAmount)} on the first invoice).`
        : "Amounts exclude tax, which is added on each invoice.",
      term,
    },
    payment: opts.payment,
  };
}
