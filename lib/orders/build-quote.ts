// The price breakdown of a basket, computed on the server from catalogue prices only. Tax per
// line uses the billing engine's rule (lib/billing/tax), so the quote matches the invoices.
import { lineAmounts } from "@/lib/billing/tax";
import { AppError } from "@/lib/errors";
import type {
  AddonCharge,
  BillingInterval,
  PaymentMethodKind,
  ProductKind,
  Technology,
} from "@/lib/generated/prisma/enums";

export type QuoteProduct = {
  id: string;
  code: string;
  name: string;
  kind: ProductKind;
  technology: Technology | null;
  price: number;
  interval: BillingInterval;
  setupFee: number;
  addonCharge: AddonCharge;
  contractMonths: number;
  earlyTerminationPercent: number;
  taxRate: string;
  downloadMbps: number | null;
  uploadMbps: number | null;
  dataCapGb: number | null;
  fairUseNote: string | null;
};

export type QuoteLine = {
  productId: string;
  code: string;
  description: string;
  /** RECURRING every interval; SETUP billed with the plan's first period; ONCE_OFF charged at activation. */
  kind: "RECURRING" | "SETUP" | "ONCE_OFF";
  interval: BillingInterval | null;
  amount: number;
  netAmount: number;
  taxAmount: number;
  totalAmount: number;
  taxRate: string;
};

type Totals = { netAmount: number; taxAmount: number; totalAmount: number };
export type Quote = {
  currency: string;
  pricesIncludeTax: boolean;
  plan: Omit<QuoteProduct, "taxRate" | "addonCharge" | "kind" | "setupFee" | "price">;
  lines: QuoteLine[];
  totals: { recurring: Totals; onceOff: Totals; firstInvoice: Totals };
};

/** The quote as an order keeps it (Order.quote), with the payment method chosen at checkout. */
export type StoredQuote = Quote & { paymentKind?: PaymentMethodKind };

const sum = (lines: QuoteLine[]): Totals => ({
  netAmount: lines.reduce((a, l) => a + l.netAmount, 0),
  taxAmount: lines.reduce((a, l) => a + l.taxAmount, 0),
  totalAmount: lines.reduce((a, l) => a + l.totalAmount, 0),
});

export function buildQuote(opts: {
  plan: QuoteProduct;
  addons: QuoteProduct[];
  currency: string;
  pricesIncludeTax: boolean;
}): Quote {
  const { plan, addons, pricesIncludeTax } = opts;
  if (plan.kind !== "PLAN")
    throw new AppError("VALIDATION", "Choose a plan first.", { planCode: "Not a plan" });
  const line = (
    p: QuoteProduct,
    kind: QuoteLine["kind"],
    amount: number,
    description: string,
  ): QuoteLine => ({
    productId: p.id,
    code: p.code,
    description,
    kind,
    interval: kind === "RECURRING" ? p.interval : null,
    amount,
    ...lineAmounts(amount, p.taxRate, pricesIncludeTax),
    taxRate: p.taxRate,
  });
  const lines: QuoteLine[] = [line(plan, "RECURRING", plan.price, plan.name)];
  if (plan.setupFee > 0) lines.push(line(plan, "SETUP", plan.setupFee, `${plan.name}: setup`));
  for (const a of addons) {
    if (a.kind !== "ADDON")
      throw new AppError("VALIDATION", `${a.name} is not an add-on.`, {
        addonCodes: "Not an add-on",
      });
    if (a.addonCharge === "ONCE_OFF") {
      lines.push(line(a, "ONCE_OFF", a.price, a.name));
      continue;
    }
    // Add-ons follow their plan's billing cycle, so they must share its interval.
    if (a.interval !== plan.interval)
      throw new AppError(
        "VALIDATION",
        `${a.name} cannot be added to a plan billed per ${plan.interval.toLowerCase()}.`,
        { addonCodes: "Interval differs from the plan" },
      );
    lines.push(line(a, "RECURRING", a.price, a.name));
    if (a.setupFee > 0) lines.push(line(a, "SETUP", a.setupFee, `${a.name}: setup`));
  }
  const recurring = lines.filter((l) => l.kind === "RECURRING");
  const onceOff = lines.filter((l) => l.kind !== "RECURRING");
  const { taxRate: _t, addonCharge: _a, kind: _k, setupFee: _s, price: _p, ...planInfo } = plan;
  return {
    currency: opts.currency,
    pricesIncludeTax,
    plan: planInfo,
    lines,
    // The first invoice: one full period in advance plus every once-off item. With calendar
    // billing the first period is a prorated stub, so the real amount can be lower.
    totals: { recurring: sum(recurring), onceOff: sum(onceOff), firstInvoice: sum(lines) },
  };
}
