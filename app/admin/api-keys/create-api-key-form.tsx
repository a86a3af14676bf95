"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { createApiKeyAction } from "./create-api-key-action";
import { CopyField } from "./copy-field";
import { STAFF_ROLE_OPTIONS } from "@/lib/format/labels";

export function CreateApiKeyForm() {
  const [state, action] = useActionState(createApiKeyAction, IDLE);
  const f = state.fields ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "ok" && state.secret && (
        <Alert tone="success">
          <p className="font-medium">{state.message}</p>
          <p className="mt-1">Copy it now: it is shown only this once and cannot be recovered.</p>
          <CopyField value={state.secret} />
        </Alert>
      )}
      {state.status === "error" && !Object.keys(f).length && (
        <Alert tone="error">{state.message}</Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-[1fr_16rem_auto] sm:items-start">
        <Field label="Name" name="name" error={f.name}>
          <Input
            name="name"
            placeholder="What uses it, e.g. network sync"
            defaultValue={state.status === "error" ? state.values?.name : ""}
            key={state.secret}
            {...errorProps("name", f.name)}
          />
        </Field>
        <Field label="Role" name="role" error={f.role}>
          <Select
            name="role"
            defaultValue={state.values?.role ?? "ADMIN"}
            {...errorProps("role", f.role)}
          >
            {STAFF_ROLE_OPTIONS.map(([value, label, what]) => (
              <option key={value} value={value}>
                {label} — {what}
              </option>
            ))}
          </Select>
        </Field>
        <SubmitButton className="sm:mt-6" pending="Creating…">
          Create key
        </SubmitButton>
      </div>
    </form>
  );
}
