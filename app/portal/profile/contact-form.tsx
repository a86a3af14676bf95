"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { updateContactAction } from "./update-contact-action";

type Defaults = {
  phone: string | null;
  marketingOptIn: boolean;
  address: {
    line1: string;
    line2: string | null;
    suburb: string | null;
    city: string;
    postalCode: string | null;
  } | null;
};

export function ContactForm({ defaults }: { defaults: Defaults }) {
  const [state, action] = useActionState(updateContactAction, IDLE);
  const f = state.fields ?? {};
  const v = (name: string, fallback: string | null | undefined) =>
    state.values?.[name] ?? fallback ?? "";
  const a = defaults.address;
  const text = (
    name: string,
    label: string,
    fallback: string | null | undefined,
    auto?: string,
  ) => (
    <Field label={label} name={name} error={f[name]}>
      <Input
        name={name}
        defaultValue={v(name, fallback)}
        autoComplete={auto}
        {...errorProps(name, f[name])}
      />
    </Field>
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      {text("phone", "Phone", defaults.phone, "tel")}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium text-slate-700">Billing address</legend>
        {text("address.line1", "Street address", a?.line1, "address-line1")}
        {text("address.line2", "Unit, building (optional)", a?.line2, "address-line2")}
        {text("address.suburb", "Suburb", a?.suburb)}
        {text("address.city", "Town or city", a?.city, "address-level2")}
        {text("address.postalCode", "Postal code", a?.postalCode, "postal-code")}
      </fieldset>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="marketingOptIn"
          defaultChecked={defaults.marketingOptIn}
          className="mt-0.5"
        />
        <span>
          Send me news and offers by email. You can change this at any time; service and billing
          messages are always sent.
        </span>
      </label>
      <SubmitButton pending="Saving…">Save details</SubmitButton>
    </form>
  );
}
