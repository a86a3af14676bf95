"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/admin/action-form";
import { formatDate } from "@/lib/format/dates";
import { perInterval, type Interval } from "@/lib/format/labels";
import { formatMoney } from "@/lib/money/format-money";
import type { FormState } from "@/lib/http/form-state";
import type { PlanChangePreview } from "@/lib/subscriptions/preview-plan-change";

type Plan = {
  id: string;
  name: string;
  description: string | null;
  price: number;
  interval: Interval;
  downloadMbps: number | null;
  uploadMbps: number | null;
};

type Target = { subscriptionId: string; toProductId: string };

/**
 * Pick a plan, see what changes and what is charged (the planner's own lines), then confirm. The
 * portal (the subscriber) and the back office (staff on the customer's behalf) pass their own
 * actions; the wording follows who reads it.
 */
export function ChangePlanPanel(props: {
  subscriptionId: string;
  currentPrice: number;
  plans: Plan[];
  currency: string;
  locale: string;
  previewAction: (input: Target) => Promise<FormState<PlanChangePreview>>;
  changeAction: (prev: FormState, form: FormData) => Promise<FormState>;
  /** "staff": "the customer's plan" instead of "your plan". */
  audience?: "customer" | "staff";
}) {
  const your = props.audience === "staff" ? "the customer's" : "your";
  const [choice, setChoice] = useState<string>("");
  const [preview, setPreview] = useState<FormState<PlanChangePreview> | null>(null);
  const [loading, startPreview] = useTransition();
  const money = (n: number) => formatMoney(n, props.currency, props.locale);
  const p = preview?.status === "ok" ? preview.data : undefined;

  if (!props.plans.length)
    return (
      <p className="text-sm text-slate-500">No other plans are available at {your} address.</p>
    );
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Choose a plan</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {props.plans.map((plan) => (
            <label
              key={plan.id}
              className="flex cursor-pointer items-start gap-3 rounded-md p-3 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-600"
            >
              <input
                type="radio"
                name="plan"
                value={plan.id}
                checked={choice === plan.id}
                onChange={() => {
                  setChoice(plan.id);
                  setPreview(null);
                }}
                className="mt-1"
              />
              <span className="text-sm">
                <span className="block font-medium text-slate-900">{plan.name}</span>
                {plan.downloadMbps && (
                  <span className="block text-slate-500">
                    {plan.downloadMbps}/{plan.uploadMbps} Mbps
                  </span>
                )}
                <span className="tabular block text-slate-700">
                  {money(plan.price)} {perInterval(plan.interval)}
                  {plan.price >= props.currentPrice ? " · upgrade" : " · downgrade"}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button
        type="button"
        variant="secondary"
        disabled={!choice || loading}
        aria-busy={loading}
        onClick={() =>
          startPreview(async () =>
            setPreview(
              await props.previewAction({
                subscriptionId: props.subscriptionId,
                toProductId: choice,
              }),
            ),
          )
        }
      >
        {loading ? "Working it out…" : "Preview the change"}
      </Button>
      {preview?.status === "error" && <Alert tone="error">{preview.message}</Alert>}
      {p && (
        <section
          aria-live="polite"
          aria-label="What changes"
          className="rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
        >
          {p.kind === "upgrade" ? (
            <p className="text-sm text-slate-700">
              <strong>{p.newPlan.name}</strong> starts on{" "}
              {formatDate(p.effectiveDate, props.locale)}.{" "}
              {props.audience === "staff" ? "The customer is" : "You are"} credited for the days
              left on {your} current plan and charged for the rest of this period on the new one:
            </p>
          ) : (
            <p className="text-sm text-slate-700">
              <strong>{p.newPlan.name}</strong> starts on{" "}
              {formatDate(p.effectiveDate, props.locale)}, when {your} current billing period ends,
              at {money(p.newPlan.price)} {perInterval(p.newPlan.interval as Interval)}. Nothing
              changes or is charged before then.
            </p>
          )}
          {p.lines.length > 0 && (
            <table className="mt-3 w-full text-sm">
              <caption className="sr-only">Invoice on confirming</caption>
              <tbody>
                {p.lines.map((l, i) => (
                  <tr key={i} className="border-b border-slate-200">
                    <td className="py-1.5 pr-2">{l.description}</td>
                    <td className="tabular py-1.5 text-right">{money(l.totalAmount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="py-1.5 text-left font-semibold">
                    Invoiced now
                  </th>
                  <td className="tabular py-1.5 text-right font-semibold">{money(p.dueNow)}</td>
                </tr>
              </tfoot>
            </table>
          )}
          <ActionForm
            action={props.changeAction}
            submit={p.kind === "upgrade" ? "Confirm upgrade" : "Confirm change"}
            pending="Changing…"
            className="mt-4 space-y-3"
          >
            <input type="hidden" name="subscriptionId" value={props.subscriptionId} />
            <input type="hidden" name="toProductId" value={choice} />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
