"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { resetPasswordAction } from "./reset-password-action";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, IDLE);
  if (state.status === "ok") {
    return (
      <div className="mt-6 space-y-4">
        <Alert tone="success">{state.message}</Alert>
        <ButtonLink href="/signin" className="w-full">
          Sign in
        </ButtonLink>
      </div>
    );
  }
  const f = state.fields ?? {};
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      {state.status === "error" && !f.password && !f.confirm && (
        <Alert tone="error">{state.message}</Alert>
      )}
      <input type="hidden" name="token" value={token} />
      <Field label="New password" name="password" error={f.password} hint="At least 10 characters">
        <Input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          autoFocus
          {...errorProps("password", f.password)}
        />
      </Field>
      <Field label="Repeat the new password" name="confirm" error={f.confirm}>
        <Input
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          {...errorProps("confirm", f.confirm)}
        />
      </Field>
      <SubmitButton className="w-full" pending="Saving…">
        Set password
      </SubmitButton>
    </form>
  );
}
