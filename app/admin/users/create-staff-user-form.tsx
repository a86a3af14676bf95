"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { createStaffUserAction } from "./create-staff-user-action";
import { STAFF_ROLE_OPTIONS } from "@/lib/format/labels";

export function CreateStaffUserForm() {
  const [state, action] = useActionState(createStaffUserAction, IDLE);
  const [mode, setMode] = useState<"invite" | "password">("invite");
  const f = state.fields ?? {};
  const v = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form
      action={action}
      className="space-y-4"
      noValidate
      key={state.status === "ok" ? state.message : "form"}
    >
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      {state.status === "error" && !Object.keys(f).length && (
        <Alert tone="error">{state.message}</Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Name" name="name" error={f.name}>
          <Input
            name="name"
            autoComplete="off"
            defaultValue={v.name}
            {...errorProps("name", f.name)}
          />
        </Field>
        <Field label="Email" name="email" error={f.email}>
          <Input
            name="email"
            type="email"
            autoComplete="off"
            defaultValue={v.email}
            {...errorProps("email", f.email)}
          />
        </Field>
        <Field label="Role" name="role" error={f.role}>
          <Select name="role" defaultValue={v.role ?? "SUPPORT"}>
            {STAFF_ROLE_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">How they get in</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              value="invite"
              checked={mode === "invite"}
              onChange={() => setMode("invite")}
              className="accent-brand-700"
            />
            Email them a link to choose a password
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              value="password"
              checked={mode === "password"}
              onChange={() => setMode("password")}
              className="accent-brand-700"
            />
            Set a temporary password
          </label>
        </div>
      </fieldset>
      {mode === "password" && (
        <Field
          label="Temporary password"
          name="password"
          error={f.password}
          hint="At least 10 characters; tell them to change it (Forgot password) after signing in"
          className="max-w-sm"
        >
          <Input
            name="password"
            type="password"
            autoComplete="new-password"
            {...errorProps("password", f.password)}
          />
        </Field>
      )}
      <SubmitButton pending="Adding…">Add staff member</SubmitButton>
    </form>
  );
}
