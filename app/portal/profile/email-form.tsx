"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { requestEmailChangeAction } from "./request-email-change-action";

export function EmailForm({ current }: { current: string }) {
  const [state, action] = useActionState(requestEmailChangeAction, IDLE);
  const error = state.fields?.email;
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.status === "error" && !error && <Alert tone="error">{state.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      <p className="text-sm text-slate-600">
        You sign in and receive invoices at <strong>{current}</strong>.
      </p>
      <Field
        label="New email address"
        name="email"
        error={error}
        hint="We email a link to confirm it."
      >
        <Input
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.values?.email ?? ""}
          required
          {...errorProps("email", error)}
        />
      </Field>
      <SubmitButton variant="secondary" pending="Sending…">
        Send confirmation link
      </SubmitButton>
    </form>
  );
}
