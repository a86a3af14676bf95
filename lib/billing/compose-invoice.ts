// Turns line drafts into an invoice: tax per line (rounded once; inclusive or exclusive per the
// line's plan, else per the ISP), totals as sums of the rounded lines, due date from the ISP's
// payment terms.
import type { LineKind } from "@/lib/generated/prisma/enums";
import { addDays, type IsoDate } from "@/lib/time/dates";
import { invoiceTotals, lineAmounts, priceIncludesTax, type LineAmounts } from "./tax";
import type { LineDraft } from "./types";
import { newId } from "./ids";

export type InvoiceLineRow = LineAmounts & {
  id: string;
  subscriptionId: string | null;
  kind: LineKind;
  description: string;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  quantity: string;
  unitAmount: number;
  taxRate: string;
  sortOrder: number;
  oneOffChargeId?: string;
};

export type InvoiceDraft = {
  id: string;
  customerId: string;
  currency: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  subtotal: number;
  taxTotal: number;
  total: number;
  lines: InvoiceLineRow[];
  /** Subscriptions whose new state depends on this invoice being written. */
  subscriptionIds: string[];
};

export function composeInvoice(opts: {
  customerId: string;
  currency: string;
  issueDate: IsoDate;
  paymentTermsDays: number;
  pricesIncludeTax: boolean;
  drafts: readonly LineDraft[];
  subscriptionIds: string[];
}): InvoiceDraft {
  const lines = opts.drafts.map((d, i): InvoiceLineRow => ({
    id: newId(),
    subscriptionId: d.subscriptionId,
    kind: d.kind,
    description: d.description,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    quantity: d.quantity,
    unitAmount: d.unitAmount,
    taxRate: d.taxRate,
    sortOrder: i,
    oneOffChargeId: d.oneOffChargeId,
    ...lineAmounts(d.amount, d.taxRate, priceIncludesTax(d.taxBehavior, opts.pricesIncludeTax)),
  }));
  return {
    id: newId(),
    customerId: opts.customerId,
    currency: opts.currency,
    issueDate: opts.issueDate,
    dueDate: addDays(opts.issueDate, opts.paymentTermsDays),
    ...invoiceTotals(lines),
    lines,
    subscriptionIds: opts.subscriptionIds,
  };
}
