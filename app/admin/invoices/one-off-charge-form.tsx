"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { createOneOffChargeAction } from "./create-one-off-charge-action";

export function OneOffChargeForm({
  customerId,
  taxClasses,
}: {
  customerId: string;
  taxClasses: { id: string; name: string }[];
}) {
  const [state, action] = useActionState(createOneOffChargeAction, IDLE);
  const f = state.fields ?? {};
  const v = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="customerId" value={customerId} />
      <Field label="Description" name="description" error={f.description}>
        <Input
          name="description"
          defaultValue={v.description}
          placeholder="e.g. Router, call-out fee"
          {...errorProps("description", f.description)}
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Amount" name="amount" error={f.amount}>
          <Input
            name="amount"
            inputMode="decimal"
            defaultValue={v.amount}
            placeholder="0.00"
            className="tabular text-right"
            {...errorProps("amount", f.amount)}
          />
        </Field>
        <Field label="Quantity" name="quantity" error={f.quantity}>
          <Input
            name="quantity"
            type="number"
            min={1}
            defaultValue={v.quantity ?? "1"}
            {...errorProps("quantity", f.quantity)}
          />
        </Field>
      </div>
      <Field label="Tax" name="taxClassId">
        <Select name="taxClassId" defaultValue={v.taxClassId}>
          {taxClasses.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="invoiceNow" className="rounded border-slate-300" /> Invoice now
        instead of on the next invoice
      </label>
      <SubmitButton pending="Adding…">Add charge</SubmitButton>
    </form>
  );
}
