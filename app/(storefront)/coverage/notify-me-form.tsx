"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { createLeadAction } from "./create-lead-action";

export function NotifyMeForm({ address, lat, lng }: { address: string; lat: number; lng: number }) {
  const [state, action] = useActionState(createLeadAction, IDLE);
  if (state.status === "ok") return <Alert tone="success">{state.message}</Alert>;
  const f = state.fields ?? {};
  const v = state.values ?? {};
  return (
    <form
      action={action}
      className="space-y-3"
      noValidate
      aria-label="Notify me when you reach my address"
    >
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="lat" value={lat} />
      <input type="hidden" name="lng" value={lng} />
      <Field label="Address" name="address" error={f.address}>
        <Input
          name="address"
          defaultValue={v.address ?? address}
          required
          {...errorProps("address", f.address)}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Your name" name="name" error={f.name}>
          <Input
            name="name"
            autoComplete="name"
            defaultValue={v.name}
            required
            {...errorProps("name", f.name)}
          />
        </Field>
        <Field label="Email" name="email" error={f.email}>
          <Input
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={v.email}
            required
            {...errorProps("email", f.email)}
          />
        </Field>
      </div>
      <Field label="Phone (optional)" name="phone" error={f.phone}>
        <Input
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={v.phone}
          {...errorProps("phone", f.phone)}
        />
      </Field>
      <div>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="consent"
            id="consent"
            className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-700"
            {...errorProps("consent", f.consent)}
          />
          You may contact me about coverage at this address. We use these details for nothing else.
        </label>
        {f.consent && (
          <p id="consent-error" className="mt-1 text-sm text-red-600">
            {f.consent}
          </p>
        )}
      </div>
      <SubmitButton pending="Sending…">Notify me</SubmitButton>
    </form>
  );
}
