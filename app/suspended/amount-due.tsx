import { ButtonLink } from "@/components/ui/button";
import { formatMoney } from "@/lib/money/format-money";

export type AmountDueProps = {
  ispName: string;
  amount: number;
  currency: string;
  reason: string;
  payUrl: string | null;
  suspended: boolean;
  locale: string;
};

/** What must be paid and why, with the way to pay it. Nothing else about the account. */
export function AmountDue(p: AmountDueProps) {
  return (
    <div className="space-y-4" aria-live="polite">
      <p className="text-sm text-slate-600">
        {p.suspended ? `Your ${p.ispName} service is limited because:` : "Account status:"}{" "}
        <span className="text-slate-900">{p.reason}</span>
      </p>
      <p className="text-3xl font-semibold tabular text-slate-900" data-testid="amount-due">
        {formatMoney(p.amount, p.currency, p.locale)}
      </p>
      <p className="text-sm text-slate-600">
        {p.amount > 0
          ? "Pay this and your service is restored as soon as the payment is received."
          : "Nothing is due. If your service is still limited, it is restored within minutes."}
      </p>
      {p.payUrl && p.amount > 0 && <ButtonLink href={p.payUrl}>Pay now</ButtonLink>}
      <p className="text-sm text-slate-600">
        Cannot pay it all at once?{" "}
        <a className="font-medium text-brand-700 hover:underline" href="/portal/arrangement">
          Sign in to propose a payment arrangement
        </a>
        .
      </p>
    </div>
  );
}
