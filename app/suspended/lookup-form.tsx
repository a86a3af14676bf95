"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormState } from "@/lib/http/form-state";
import { AmountDue, type AmountDueProps } from "./amount-due";

type Found = Omit<AmountDueProps, "locale">;

export function LookupForm({
  action,
  locale,
}: {
  action: (prev: FormState<Found>, form: FormData) => Promise<FormState<Found>>;
  locale: string;
}) {
  const [state, formAction] = useActionState(action, IDLE as FormState<Found>);
  if (state.status === "ok" && state.data) return <AmountDue {...state.data} locale={locale} />;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field label="Account number" name="accountNumber" error={state.fields?.accountNumber}>
        <Input
          id="accountNumber"
          name="accountNumber"
          autoComplete="off"
          defaultValue={state.values?.accountNumber}
        />
      </Field>
      <Field label="PIN (in your suspension email)" name="pin" error={state.fields?.pin}>
        <Input id="pin" name="pin" inputMode="numeric" autoComplete="off" maxLength={6} />
      </Field>
      {state.status === "error" && !state.fields && <Alert tone="error">{state.message}</Alert>}
      <SubmitButton>Show what is due</SubmitButton>
    </form>
  );
}
