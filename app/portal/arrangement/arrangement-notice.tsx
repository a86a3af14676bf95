import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { ArrangementView } from "@/lib/dunning/arrangements/get-customer-arrangement";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";

/** The dashboard's line about arrangements: the next payment of one agreed, or the offer. */
export function ArrangementNotice({
  arrangement: a,
  overdue,
  currency,
  locale,
}: {
  arrangement: ArrangementView | null;
  overdue: number;
  currency: string;
  locale: string;
}) {
  const link = (text: string) => (
    <Link href="/portal/arrangement" className="font-medium underline">
      {text}
    </Link>
  );
  if (a?.status === "ACTIVE") {
    const next = a.instalments.find((i) => !i.paid);
    return (
      <Alert tone="info">
        Payment arrangement agreed
        {next
          ? `: next payment ${formatMoney(next.amount, a.currency, locale)} on ${formatDate(next.dueDate, locale)}. `
          : ". "}
        {link("See the schedule")}
      </Alert>
    );
  }
  if (a?.status === "PENDING")
    return (
      <Alert tone="info">
        Your arrangement proposal is with our accounts team. {link("View it")}
      </Alert>
    );
  if (overdue <= 0) return null;
  return (
    <Alert tone="warning">
      {formatMoney(overdue, currency, locale)} is overdue. Cannot pay it all at once?{" "}
      {link("Propose a payment arrangement")}
    </Alert>
  );
}
