import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import type { Actor } from "@/lib/auth/roles";
import { getCustomerTimeline } from "@/lib/customers/get-customer-timeline";
import {
  timelineKindLabel,
  TIMELINE_KINDS,
  type TimelineKind,
} from "@/lib/customers/timeline-kinds";
import { formatMoney } from "@/lib/money/format-money";
import { sentenceCase, statusLabel, type StatusKind } from "@/lib/format/status";

const HREF: Partial<Record<TimelineKind, (id: string) => string>> = {
  order: (id) => `/admin/orders/${id}`,
  invoice: (id) => `/admin/invoices/${id}`,
  credit_note: (id) => `/api/credit-notes/${id}/pdf`,
  payment: (id) => `/admin/payments/${id}`,
  ticket: (id) => `/admin/tickets/${id}`,
  contract: (id) => `/api/contracts/${id}/pdf`,
};

const STATUS_KIND: Partial<Record<TimelineKind, StatusKind>> = {
  order: "order",
  invoice: "invoice",
  payment: "payment",
  ticket: "ticket",
};
const statusText = (kind: TimelineKind, status: string) => {
  const k = STATUS_KIND[kind];
  return k ? statusLabel(k, status) : sentenceCase(status);
};

/** Everything that happened to the customer, newest first, filtered by kind with links. */
export async function CustomerTimeline({
  actor,
  customerId,
  currency,
  brand,
  kinds,
  after,
}: {
  actor: Actor;
  customerId: string;
  currency: string;
  brand: { locale: string; timeZone: string };
  kinds: TimelineKind[];
  after?: string;
}) {
  const {
    entries,
    nextCursor,
    kinds: visible,
  } = await getCustomerTimeline({
    actor,
    customerId,
    kinds,
    after,
  });
  const base = `/admin/customers/${customerId}`;
  const only = (k?: TimelineKind) => (k ? `${base}?kind=${k}#timeline` : `${base}#timeline`);
  return (
    <Card id="timeline">
      <CardHeader
        title="Timeline"
        description="Everything that happened on this account, newest first"
      />
      <nav
        aria-label="Timeline filter"
        className="flex flex-wrap gap-2 border-b border-slate-100 px-5 py-3"
      >
        <Link
          href={only()}
          aria-current={kinds.length === 0 ? "page" : undefined}
          className="rounded-full px-3 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
        >
          Everything
        </Link>
        {TIMELINE_KINDS.filter((k) => visible.includes(k)).map((k) => (
          <Link
            key={k}
            href={only(k)}
            aria-current={kinds.length === 1 && kinds[0] === k ? "page" : undefined}
            className="rounded-full px-3 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {timelineKindLabel(k)}
          </Link>
        ))}
      </nav>
      {entries.length === 0 ? (
        <EmptyState title="Nothing here yet" />
      ) : (
        <ol className="divide-y divide-slate-100 text-sm">
          {entries.map((e) => {
            const href = HREF[e.kind]?.(e.id);
            return (
              <li
                key={e.key}
                className="flex flex-wrap items-start justify-between gap-2 px-5 py-3"
              >
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <Badge>{timelineKindLabel(e.kind)}</Badge>
                    {href ? (
                      <Link href={href} className="font-medium text-brand-700 hover:underline">
                        {e.title}
                      </Link>
                    ) : (
                      <span className="font-medium text-slate-900">{e.title}</span>
                    )}
                    {e.status && (
                      <span className="text-xs text-slate-500">{statusText(e.kind, e.status)}</span>
                    )}
                  </p>
                  {e.detail && (
                    <p className="mt-0.5 line-clamp-2 break-words text-slate-600">{e.detail}</p>
                  )}
                </div>
                <div className="text-right text-slate-500">
                  {e.amount !== null && (
                    <p className="tabular font-medium text-slate-900">
                      {formatMoney(e.amount, currency, brand.locale)}
                    </p>
                  )}
                  <DateTime value={e.at} locale={brand.locale} timeZone={brand.timeZone} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {nextCursor && (
        <p className="border-t border-slate-100 px-5 py-3 text-right">
          <ButtonLink
            size="sm"
            variant="secondary"
            href={`${base}?${new URLSearchParams([...kinds.map((k) => ["kind", k]), ["after", nextCursor]])}#timeline`}
          >
            Older
          </ButtonLink>
        </p>
      )}
    </Card>
  );
}
