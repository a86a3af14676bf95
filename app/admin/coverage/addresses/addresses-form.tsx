"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { importAddressesAction } from "../import-addresses-action";

export function AddressesForm() {
  const [state, action] = useActionState(importAddressesAction, IDLE);
  return (
    <form action={action} className="space-y-4">
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      <Field label="CSV file (up to 30 MB)" name="file" error={state.fields?.file}>
        <Input name="file" type="file" accept=".csv,text/csv" required />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="replace" className="h-4 w-4 rounded text-brand-700" />
        Replace the whole list (otherwise rows are added, and rows with a known external id are
        updated)
      </label>
      <SubmitButton pending="Importing…">Import addresses</SubmitButton>
    </form>
  );
}
