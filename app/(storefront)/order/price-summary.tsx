"use client";

import { Skeleton } from "@/components/ui/skeleton";
import { perInterval } from "@/lib/format/labels";
import { formatMoney } from "@/lib/money/format-money";
import type { Quote } from "@/lib/orders/build-quote";

/** The basket's price breakdown; every figure comes from the server's quote. */
export function PriceSummary({
  quote,
  locale,
  loading,
}: {
  quote?: Quote;
  locale: string;
  loading?: boolean;
}) {
  if (!quote)
    return (
      <div className="space-y-2" role="status" aria-label="Loading prices">
        <Skeleton className="h-5 w-full" />
        <Skeleton className="h-5 w-3/4" />
        <Skeleton className="h-5 w-1/2" />
      </div>
    );
  const money = (v: number) => formatMoney(v, quote.currency, locale);
  const per = perInterval(quote.plan.interval);
  return (
    <div className={loading ? "opacity-60 transition-opacity" : undefined}>
      <dl className="divide-y divide-slate-100 text-sm">
        {quote.lines.map((l, i) => (
          <div key={`${l.code}-${l.kind}-${i}`} className="flex justify-between gap-4 py-2">
            <dt className="text-slate-700">{l.description}</dt>
            <dd className="tabular whitespace-nowrap text-right font-medium text-slate-900">
              {money(l.totalAmount)}{" "}
              <span className="font-normal text-slate-500">{perInterval(l.interval)}</span>
            </dd>
          </div>
        ))}
      </dl>
      <dl className="mt-3 space-y-1 border-t border-slate-200 pt-3 text-sm">
        <div className="flex justify-between">
          <dt className="font-semibold text-slate-900">Recurring</dt>
          <dd className="tabular text-right font-semibold">
            {money(quote.totals.recurring.totalAmount)} {per}
          </dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-slate-700">Once-off</dt>
          <dd className="tabular text-right">{money(quote.totals.onceOff.totalAmount)}</dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-slate-700">First invoice (estimate)</dt>
          <dd className="tabular text-right">{money(quote.totals.firstInvoice.totalAmount)}</dd>
        </div>
        <div className="flex justify-between text-xs text-slate-500">
          <dt>{quote.pricesIncludeTax ? "Included tax" : "Tax added"}</dt>
          <dd className="tabular text-right">{money(quote.totals.firstInvoice.taxAmount)}</dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-slate-500">
        {quote.plan.contractMonths
          ? `${quote.plan.contractMonths}-month minimum term.`
          : "Month to month, no minimum term."}{" "}
        Billing starts when your service is activated.
      </p>
    </div>
  );
}
