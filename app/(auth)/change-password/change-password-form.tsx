"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { changePasswordAction } from "./change-password-action";

export function ChangePasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(changePasswordAction, IDLE);
  const f = state.fields ?? {};
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      {state.status === "error" && !f.current && !f.password && !f.confirm && (
        <Alert tone="error">{state.message}</Alert>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Current password" name="current" error={f.current}>
        <Input
          name="current"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          {...errorProps("current", f.current)}
        />
      </Field>
      <Field label="New password" name="password" error={f.password} hint="At least 10 characters">
        <Input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
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
        Change password
      </SubmitButton>
    </form>
  );
}
