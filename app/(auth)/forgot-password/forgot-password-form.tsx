"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { requestResetAction } from "./request-reset-action";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestResetAction, IDLE);
  if (state.status === "ok") {
    return (
      <div className="mt-6 space-y-4">
        <Alert tone="success">{state.message}</Alert>
        <p className="text-center text-sm">
          <Link href="/signin" className="font-medium text-brand-700 hover:underline">
            Back to sign in
          </Link>
        </p>
      </div>
    );
  }
  const error = state.fields?.email;
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      {state.status === "error" && !error && <Alert tone="error">{state.message}</Alert>}
      <Field label="Email" name="email" error={error}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          required
          autoFocus
          defaultValue={state.values?.email}
          {...errorProps("email", error)}
        />
      </Field>
      <SubmitButton className="w-full" pending="Sending…">
        Send me a link
      </SubmitButton>
      <p className="text-center text-sm">
        <Link href="/signin" className="font-medium text-brand-700 hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
