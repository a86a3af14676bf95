"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { plural } from "@/lib/format/plural";
import { IDLE } from "@/lib/http/form-state";
import { startRunAction } from "./start-run-action";

export function StartRunForm({
  defaultAsOf,
  holdHours,
}: {
  defaultAsOf: string;
  holdHours: number;
}) {
  const [state, action] = useActionState(startRunAction, IDLE);
  const f = state.fields ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <Field
        label="Run date"
        name="asOf"
        error={f.asOf}
        hint="Bills everything due on or before this date."
      >
        <Input
          type="date"
          name="asOf"
          defaultValue={state.values?.asOf ?? defaultAsOf}
          required
          {...errorProps("asOf", f.asOf)}
        />
      </Field>
      <p className="text-sm text-slate-500">
        {holdHours > 0
          ? `Invoices stay drafts for ${plural(holdHours, "hour")} for review, then get their numbers.`
          : "Invoices are numbered and finalised at once."}
      </p>
      <SubmitButton pending="Starting…">Start billing run</SubmitButton>
    </form>
  );
}
