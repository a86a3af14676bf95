"use client";

import Decimal from "decimal.js";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select, Textarea, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, Td, Th } from "@/components/ui/table";
import { IDLE } from "@/lib/http/form-state";
import { formatMoney, minorUnitDigits } from "@/lib/money/format-money";
import { MANUAL_METHODS } from "@/lib/payments/manual-payment-schema";
import { paymentMethodLabel } from "@/lib/format/labels";
import { recordPaymentAction } from "./record-payment-action";

type OpenInvoice = { id: string; number: string; dueDate: string; open: number };

export function RecordPaymentForm(props: {
  customerId: string;
  currency: string;
  locale: string;
  email: string;
  today: string;
  openInvoices: OpenInvoice[];
  /** Pre-chooses this invoice with its open amount (from the invoice page). */
  invoiceId?: string;
}) {
  const [state, action] = useActionState(recordPaymentAction, IDLE);
  const f = state.fields ?? {};
  const v = state.status === "error" ? (state.values ?? {}) : {};
  const digits = minorUnitDigits(props.currency);
  const major = (minor: number) => new Decimal(minor).div(10 ** digits).toFixed(digits);
  const money = (minor: number) => formatMoney(minor, props.currency, props.locale);
  const preset = props.openInvoices.find((i) => i.id === props.invoiceId);
  const [mode, setMode] = useState<"oldest" | "chosen">(
    (v.mode as "oldest" | "chosen") ?? (preset ? "chosen" : "oldest"),
  );
  const [amounts, setAmounts] = useState<Record<string, string>>(
    preset ? { [preset.id]: major(preset.open) } : {},
  );
  const chosenTotal = Object.values(amounts).reduce((sum, a) => {
    const clean = a.replace(/[\s\u00a0']/g, "").replace(",", ".");
    return /^\d+(\.\d*)?$/.test(clean) ? sum.plus(clean) : sum;
  }, new Decimal(0));
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.status === "error" && (
        <Alert tone="error">
          {state.message}
          {f.allocations ? ` ${f.allocations}` : ""}
        </Alert>
      )}
      <input type="hidden" name="customerId" value={props.customerId} />
      <input type="hidden" name="currency" value={props.currency} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={`Amount (${props.currency})`} name="amount" error={f.amount}>
          <Input
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            className="tabular text-right"
            placeholder="0.00"
            defaultValue={v.amount ?? (preset ? major(preset.open) : "")}
            {...errorProps("amount", f.amount)}
          />
        </Field>
        <Field label="Method" name="method" error={f.method}>
          <Select
            name="method"
            defaultValue={v.method ?? "EFT"}
            {...errorProps("method", f.method)}
          >
            {MANUAL_METHODS.map((m) => (
              <option key={m} value={m}>
                {paymentMethodLabel(m)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Received on" name="receivedOn" error={f.receivedOn}>
          <Input
            type="date"
            name="receivedOn"
            max={props.today}
            defaultValue={v.receivedOn ?? props.today}
            {...errorProps("receivedOn", f.receivedOn)}
          />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Reference"
          name="reference"
          error={f.reference}
          hint="Bank reference, cheque or slip number"
        >
          <Input
            name="reference"
            defaultValue={v.reference}
            {...errorProps("reference", f.reference)}
          />
        </Field>
        <Field label="Note" name="note" error={f.note} hint="For staff; not on the receipt">
          <Textarea name="note" rows={1} defaultValue={v.note} {...errorProps("note", f.note)} />
        </Field>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Apply to</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="radio"
            name="mode"
            value="oldest"
            checked={mode === "oldest"}
            onChange={() => setMode("oldest")}
            className="accent-brand-700"
          />
          Oldest due invoices first (what is left stays as credit)
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="radio"
            name="mode"
            value="chosen"
            checked={mode === "chosen"}
            onChange={() => setMode("chosen")}
            disabled={props.openInvoices.length === 0}
            className="accent-brand-700"
          />
          Invoices and amounts I choose
        </label>
      </fieldset>
      {props.openInvoices.length === 0 ? (
        <p className="text-sm text-slate-500">
          No open invoices: the whole payment stays as credit for the next invoice.
        </p>
      ) : (
        mode === "chosen" && (
          <div className="rounded-md ring-1 ring-slate-200">
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Invoice</Th>
                  <Th className="hidden sm:table-cell">Due</Th>
                  <Th numeric className="hidden sm:table-cell">
                    Open
                  </Th>
                  <Th numeric>Pay</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {props.openInvoices.map((i) => {
                  const field = `allocation.${i.id}`;
                  return (
                    <tr key={i.id}>
                      <Td>
                        <span className="font-mono text-xs">{i.number}</span>
                        <span className="tabular block text-xs text-slate-500 sm:hidden">
                          {money(i.open)} open
                        </span>
                      </Td>
                      <Td className="tabular hidden sm:table-cell">{i.dueDate}</Td>
                      <Td numeric className="hidden sm:table-cell">
                        {money(i.open)}
                      </Td>
                      <Td numeric>
                        <input type="hidden" name="allocationInvoiceId" value={i.id} />
                        <div className="ml-auto w-28">
                          <Input
                            name="allocationAmount"
                            id={field}
                            aria-label={`Pay on ${i.number}`}
                            inputMode="decimal"
                            autoComplete="off"
                            placeholder={major(i.open)}
                            className="tabular text-right"
                            value={amounts[i.id] ?? ""}
                            onChange={(e) => setAmounts({ ...amounts, [i.id]: e.target.value })}
                            {...errorProps(field, f[field])}
                          />
                        </div>
                        {f[field] && (
                          <p id={`${field}-error`} className="mt-1 text-xs text-red-600">
                            {f[field]}
                          </p>
                        )}
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            <p className="tabular border-t border-slate-200 px-4 py-2 text-right text-sm text-slate-600">
              Chosen:{" "}
              {money(
                chosenTotal
                  .mul(10 ** digits)
                  .toDecimalPlaces(0)
                  .toNumber(),
              )}
            </p>
          </div>
        )
      )}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="sendReceipt"
          defaultChecked={v.sendReceipt ? v.sendReceipt === "on" : true}
          className="rounded border-slate-300 accent-brand-700"
        />
        Email the receipt to {props.email}
      </label>
      <SubmitButton pending="Recording…">Record payment</SubmitButton>
    </form>
  );
}
