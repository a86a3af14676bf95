"use client";

import { QueryProvider } from "@/components/storefront/query-provider";
import { Alert } from "@/components/ui/alert";
import { formatDate } from "@/lib/format/dates";
import { formatNumber } from "@/lib/format/numbers";
import { plural } from "@/lib/format/plural";
import { formatMoney } from "@/lib/money/format-money";
import { useBillingRun, type BillingRunView } from "./use-billing-run";

function Progress({
  initial,
  currency,
  locale,
}: {
  initial: BillingRunView;
  currency: string;
  locale: string;
}) {
  const { data: run } = useBillingRun(initial);
  const pct = run.dueCount
    ? Math.min(100, Math.round((run.processedCount / run.dueCount) * 100))
    : run.status === "COMPLETED"
      ? 100
      : 0;
  return (
    <div className="space-y-3">
      <div className="flex justify-between text-sm text-slate-700">
        <span>
          {formatNumber(run.processedCount, locale)} of{" "}
          {plural(run.dueCount, "subscription", "subscriptions", locale)}
        </span>
        <span className="tabular">{pct}%</span>
      </div>
      <div
        role="progressbar"
        aria-label="Billing run progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-3 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className="h-full rounded-full bg-brand-600 transition-all"
          style={{ width: `${pct}%` }}
        />
      </div>
      <p className="text-sm text-slate-700">
        {plural(run.invoicesCreated, "invoice", "invoices", locale)},{" "}
        <span className="tabular font-semibold">
          {formatMoney(run.invoicesTotal, currency, locale)}
        </span>
      </p>
      {run.status === "COMPLETED" && (
        <Alert tone="success">
          Finished. Every due subscription is billed for {formatDate(run.asOf, locale)}.
        </Alert>
      )}
      {run.status === "FAILED" && (
        <Alert tone="error">
          Stopped: {run.error}. What was billed stays billed; start the run again to finish it.
        </Alert>
      )}
      {run.interrupted && (
        <Alert tone="error">
          This run stopped without finishing. Start it again: nothing is billed twice.
        </Alert>
      )}
      {run.status === "RUNNING" && !run.heartbeatAt && (
        <p className="text-sm text-slate-500">Waiting for the job runner to pick it up…</p>
      )}
    </div>
  );
}

export function RunProgress(props: { initial: BillingRunView; currency: string; locale: string }) {
  return (
    <QueryProvider>
      <Progress {...props} />
    </QueryProvider>
  );
}
