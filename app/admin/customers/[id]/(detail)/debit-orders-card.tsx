// The customer's debit-order mandates (masked) and recent collections with return reasons.
import { Card, CardHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState } from "@/components/ui/table";
import type { Actor } from "@/lib/auth/roles";
import { getCustomerBankSummary } from "@/lib/bank/get-customer-bank-summary";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";

export async function DebitOrdersCard({
  actor,
  customerId,
  locale,
}: {
  actor: Actor;
  customerId: string;
  locale: string;
}) {
  const { mandates, collections } = await getCustomerBankSummary({ actor, customerId });
  if (!mandates.length && !collections.length) return null;
  return (
    <Card>
      <CardHeader
        title="Debit orders"
        description="Mandates and collections; returns name their reason code."
      />
      <ul className="divide-y divide-slate-100 text-sm">
        {mandates.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
            <span>
              <span className="font-mono text-xs">{m.reference}</span> · {m.account} · {m.sequence}
              {m.amendments > 0 && ` · amended ${m.amendments}×`}
              {m.suspendedReason && (
                <span className="block text-xs text-slate-500">{m.suspendedReason}</span>
              )}
            </span>
            <StatusBadge kind="mandate" status={m.status} />
          </li>
        ))}
      </ul>
      {collections.length === 0 ? (
        <EmptyState title="Not collected yet" />
      ) : (
        <ul className="divide-y divide-slate-100 border-t border-slate-100 text-sm">
          {collections.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-2">
              <span className="tabular">
                {formatDate(c.date, locale)} · {formatMoney(c.amount, c.currency, locale)}
                {c.reasonCode && <span className="text-slate-500"> · {c.reasonCode}</span>}
              </span>
              <StatusBadge kind="collectionItem" status={c.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
