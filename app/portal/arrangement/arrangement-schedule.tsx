import { StatusBadge } from "@/components/ui/status-badge";
import type { ArrangementView } from "@/lib/dunning/arrangements/get-customer-arrangement";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";

/** An arrangement's payments, each marked paid once the money since reaches it. */
export function ArrangementSchedule({ a, locale }: { a: ArrangementView; locale: string }) {
  const money = (m: number) => formatMoney(m, a.currency, locale);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StatusBadge kind="arrangement" status={a.status} />
        <span className="tabular text-sm text-slate-600">
          {money(a.paid)} of {money(a.total)} paid
        </span>
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">Arrangement payments</caption>
        <tbody>
          {a.instalments.map((i, n) => (
            <tr key={n} className="border-b border-slate-100 last:border-0">
              <td className="py-1.5">{formatDate(i.dueDate, locale)}</td>
              <td className="py-1.5 text-slate-500">{i.paid ? "Paid" : "Due"}</td>
              <td className="tabular py-1.5 text-right font-medium">{money(i.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.decisionReason && <p className="text-sm text-slate-600">Note: {a.decisionReason}</p>}
    </div>
  );
}
