"use client";

import { useActionState, useState } from "react";
import Decimal from "decimal.js";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  buildSchedule,
  checkSchedule,
  INTERVALS,
  MAX_INSTALMENTS,
  minFirstPayment,
  type ArrangementPolicyInput,
} from "@/lib/dunning/arrangements/arrangement-schema";
import { formatDate } from "@/lib/format/dates";
import { IDLE, type FormState } from "@/lib/http/form-state";
import { formatMoney } from "@/lib/money/format-money";
import { addDays } from "@/lib/time/dates";

const EVERY: Record<number, string> = {
  7: "Every week",
  14: "Every two weeks",
  30: "Every 30 days",
};

/** The customer's choices and, beside them, the schedule they make and what will happen to it. */
export function ProposalForm({
  action,
  total,
  currency,
  locale,
  today,
  policy,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  total: number;
  currency: string;
  locale: string;
  today: string;
  policy: ArrangementPolicyInput;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const money = (m: number) => formatMoney(m, currency, locale);
  const suggestedCount = Math.min(policy.maxInstalments, MAX_INSTALMENTS);
  const [count, setCount] = useState(String(suggestedCount));
  const [first, setFirst] = useState(
    new Decimal(Math.max(minFirstPayment(policy, total), Math.ceil(total / suggestedCount)))
      .div(100)
      .toFixed(2),
  );
  const [firstDate, setFirstDate] = useState(addDays(today, 3));
  const [everyDays, setEveryDays] = useState("14");

  const firstMinor = /^\d{1,9}(\.\d{1,2})?$/.test(first.trim())
    ? new Decimal(first.trim()).mul(100).toNumber()
    : NaN;
  const n = Number(count);
  const schedule =
    Number.isFinite(firstMinor) && n >= 1 && /^\d{4}-\d{2}-\d{2}$/.test(firstDate)
      ? buildSchedule({
          total,
          count: n,
          firstAmount: firstMinor,
          firstDate,
          everyDays: +everyDays,
        })
      : [];
  const check = schedule.length ? checkSchedule(policy, total, schedule, today, money) : null;
  const problems = check ? Object.values(check.invalid) : ["Enter an amount like 250.00"];
  const fields = state.status === "error" ? (state.fields ?? {}) : {};

  return (
    <form action={formAction} className="grid gap-6 lg:grid-cols-2" noValidate>
      <div className="space-y-4">
        <Field label="Number of payments" name="count" error={fields.count}>
          <Select name="count" value={count} onChange={(e) => setCount(e.target.value)}>
            {Array.from({ length: Math.max(policy.maxInstalments, 6) }, (_, i) => i + 1).map(
              (v) => (
                <option key={v} value={v}>
                  {v}
                  {v > policy.maxInstalments ? " (needs approval)" : ""}
                </option>
              ),
            )}
          </Select>
        </Field>
        <Field
          label="First payment"
          name="firstAmount"
          error={fields.firstAmount}
          hint={`At least ${money(minFirstPayment(policy, total))} to be agreed at once`}
        >
          <Input
            name="firstAmount"
            inputMode="decimal"
            value={first}
            onChange={(e) => setFirst(e.target.value)}
            aria-invalid={!!fields.firstAmount}
          />
        </Field>
        <Field label="First payment on" name="firstDate" error={fields.firstDate}>
          <Input
            name="firstDate"
            type="date"
            min={today}
            value={firstDate}
            onChange={(e) => setFirstDate(e.target.value)}
          />
        </Field>
        <Field label="Then" name="everyDays">
          <Select name="everyDays" value={everyDays} onChange={(e) => setEveryDays(e.target.value)}>
            {INTERVALS.map((d) => (
              <option key={d} value={d}>
                {EVERY[d]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Anything we should know? (optional)" name="note" error={fields.note}>
          <Textarea name="note" rows={2} maxLength={500} />
        </Field>
      </div>
      <div className="space-y-4">
        <div className="rounded-lg p-4 ring-1 ring-slate-200" aria-live="polite">
          <h2 className="text-sm font-semibold text-slate-900">Your schedule</h2>
          {schedule.length > 0 && (
            <table className="mt-2 w-full text-sm">
              <caption className="sr-only">Proposed payments</caption>
              <tbody>
                {schedule.map((s, i) => (
                  <tr key={i} className="border-b border-slate-100 last:border-0">
                    <td className="py-1.5 text-slate-500">{i + 1}.</td>
                    <td className="py-1.5">{formatDate(s.dueDate, locale)}</td>
                    <td className="tabular py-1.5 text-right font-medium">{money(s.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2} className="pt-2 text-left font-semibold">
                    Total
                  </th>
                  <td className="tabular pt-2 text-right font-semibold">{money(total)}</td>
                </tr>
              </tfoot>
            </table>
          )}
          <div className="mt-3">
            {problems.length > 0 ? (
              <Alert tone="error">{problems.join("; ")}</Alert>
            ) : check && check.referReasons.length === 0 ? (
              <Alert tone="success" className="text-sm">
                Within our terms: agreed as soon as you send it, and reminders stop while you keep
                to it.
              </Alert>
            ) : (
              <Alert tone="warning">
                Our accounts team will look at this one ({check?.referReasons.join("; ")}).
                Reminders continue until they agree it.
              </Alert>
            )}
          </div>
        </div>
        {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
        {state.status === "ok" && state.message && <Alert tone="success">{state.message}</Alert>}
        <SubmitButton pending="Sending…" disabled={problems.length > 0}>
          Propose this arrangement
        </SubmitButton>
      </div>
    </form>
  );
}
