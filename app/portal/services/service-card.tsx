import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format/dates";
import { perInterval } from "@/lib/format/labels";
import { formatMoney } from "@/lib/money/format-money";
import { addDays } from "@/lib/time/dates";
import type { MyService } from "@/lib/portal/list-my-services";

/** What is scheduled on a service, in words: the notices the dashboard and services pages show. */
export function ServiceNotices({ s, locale }: { s: MyService; locale: string }) {
  return (
    <>
      {s.softSuspended && (
        <Alert tone="error">
          This service is restricted because of an overdue balance. Paying the overdue amount
          restores it.
        </Alert>
      )}
      {s.status === "SUSPENDED" && <Alert tone="error">This service is suspended.</Alert>}
      {s.cancelAt && (
        <Alert tone="warning">
          This service is cancelled: its last day is {formatDate(addDays(s.cancelAt, -1), locale)}.
        </Alert>
      )}
      {s.pendingChange && (
        <Alert tone="info">
          Changing to {s.pendingChange.to} on {formatDate(s.pendingChange.effectiveDate, locale)}.
        </Alert>
      )}
    </>
  );
}

export function ServiceSummary(props: {
  s: MyService;
  currency: string;
  locale: string;
  manage?: boolean;
}) {
  const { s, locale } = props;
  const money = (n: number) => formatMoney(n, props.currency, locale);
  return (
    <div className="space-y-3 px-5 py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-medium text-slate-900">
            {s.name}
            {s.speed && <span className="ml-2 text-sm font-normal text-slate-500">{s.speed}</span>}
          </p>
          {s.address && (
            <p className="text-sm text-slate-500">
              {s.address.line1}
              {s.address.suburb ? `, ${s.address.suburb}` : ""}
            </p>
          )}
          {s.addons.length > 0 && (
            <p className="text-sm text-slate-500">With {s.addons.map((a) => a.name).join(", ")}</p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="tabular font-medium">
            {money(s.price + s.addons.reduce((t, a) => t + a.price, 0))} {perInterval(s.interval)}
          </span>
          {s.nextBillDate && (
            <span className="text-slate-500">next bill {formatDate(s.nextBillDate, locale)}</span>
          )}
          <StatusBadge kind="subscription" status={s.status} />
          {props.manage && (
            <Link
              href={`/portal/services/${s.id}`}
              className="font-medium text-brand-700 hover:underline"
              aria-label={`Manage ${s.name}`}
            >
              Manage
            </Link>
          )}
        </div>
      </div>
      <ServiceNotices s={s} locale={locale} />
    </div>
  );
}
