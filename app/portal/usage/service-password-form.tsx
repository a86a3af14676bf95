"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { changeServicePasswordAction } from "./change-service-password-action";

/** The router's PPPoE login: the username, and a new password the customer chooses. */
export function ServicePasswordForm({
  subscriptionId,
  username,
}: {
  subscriptionId: string;
  username: string;
}) {
  const [state, action] = useActionState(changeServicePasswordAction, IDLE);
  const f = state.fields ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <p className="text-sm text-slate-600">
        Router login (PPPoE): <span className="font-mono text-slate-900">{username}</span>
      </p>
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      {state.status === "error" && !state.fields && <Alert tone="error">{state.message}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        <Field label="New router password" name="password" error={f.password}>
          <Input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            maxLength={64}
            {...errorProps("password", f.password)}
          />
        </Field>
        <SubmitButton variant="secondary" pending="Saving…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}
