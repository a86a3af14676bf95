import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { StatusBadge } from "@/components/ui/status-badge";
import type { CustomerDunning } from "@/lib/dunning/get-customer-dunning";
import { formatDate } from "@/lib/format/dates";
import { dunningStepLabel } from "@/lib/format/labels";
import { formatMoney } from "@/lib/money/format-money";
import { holdDunningAction } from "./hold-dunning-action";
import { DecisionForms } from "@/app/admin/dunning/arrangements/decision-forms";

/** The account's place on the dunning ladder, its last steps and the hold form. */
export function DunningCard({
  customerId,
  dunning,
  locale,
  canHold,
}: {
  customerId: string;
  dunning: CustomerDunning;
  locale: string;
  canHold: boolean;
}) {
  return (
    <Card>
      <CardHeader
        title="Dunning"
        description={
          dunning.holdUntil
            ? `Paused until ${formatDate(dunning.holdUntil, locale)}: ${dunning.holdReason}`
            : dunning.neverSuspend
              ? "Never suspended (override)"
              : "Reminders, fees and suspensions for unpaid invoices"
        }
        action={<StatusBadge kind="dunning" status={dunning.state} />}
      />
      <CardBody className="space-y-4 text-sm">
        {dunning.arrangement && (
          <section
            aria-label="Payment arrangement"
            className="space-y-2 rounded-md p-3 ring-1 ring-slate-200"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium text-slate-900">Payment arrangement</span>
              <StatusBadge kind="arrangement" status={dunning.arrangement.status} />
            </div>
            <p className="tabular text-slate-600">
              {formatMoney(dunning.arrangement.paid, dunning.arrangement.currency, locale)} of{" "}
              {formatMoney(dunning.arrangement.total, dunning.arrangement.currency, locale)} paid ·{" "}
              {dunning.arrangement.instalments
                .map(
                  (i) =>
                    `${formatDate(i.dueDate, locale)} ${formatMoney(i.amount, dunning.arrangement!.currency, locale)}${i.paid ? " ✓" : ""}`,
                )
                .join(" · ")}
            </p>
            {dunning.arrangement.referReasons.length > 0 && (
              <p className="text-amber-800">
                Outside the rules: {dunning.arrangement.referReasons.join("; ")}
              </p>
            )}
            {dunning.arrangement.decisionReason && (
              <p className="text-slate-600">
                {dunning.arrangement.decidedBy}: {dunning.arrangement.decisionReason}
              </p>
            )}
            {canHold && dunning.arrangement.status === "PENDING" && (
              <DecisionForms customerId={customerId} arrangementId={dunning.arrangement.id} />
            )}
          </section>
        )}
        {dunning.history.length === 0 ? (
          <p className="text-slate-500">No dunning steps taken.</p>
        ) : (
          <ol className="space-y-2" aria-label="Dunning history">
            {dunning.history.slice(0, 10).map((e) => (
              <li key={`${e.step}-${e.at}`} className="flex flex-wrap justify-between gap-2">
                <span>
                  <span className="font-medium text-slate-900">{dunningStepLabel(e.step)}</span>{" "}
                  <span className="text-slate-500">{e.reason}</span>
                </span>
                <span className="tabular text-slate-600">
                  {formatDate(e.date, locale)}
                  {e.amount > 0 && ` · ${formatMoney(e.amount, e.currency, locale)}`}
                </span>
              </li>
            ))}
          </ol>
        )}
        {canHold && (
          <ActionForm
            action={holdDunningAction}
            submit="Save hold"
            variant="secondary"
            className="grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-2"
          >
            <input type="hidden" name="customerId" value={customerId} />
            <Field label="Pause until (empty lifts the hold)" name="dunning-until">
              <Input
                id="dunning-until"
                name="until"
                type="date"
                defaultValue={dunning.holdUntil ?? ""}
              />
            </Field>
            <Field label="Reason" name="dunning-reason">
              <Input id="dunning-reason" name="reason" defaultValue={dunning.holdReason ?? ""} />
            </Field>
            <label className="flex items-center gap-2 text-slate-700">
              <input
                type="checkbox"
                name="neverSuspend"
                defaultChecked={dunning.neverSuspend}
                className="rounded border-slate-300"
              />
              Never suspend this account
            </label>
          </ActionForm>
        )}
      </CardBody>
    </Card>
  );
}
