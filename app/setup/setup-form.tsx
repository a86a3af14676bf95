"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { completeSetupAction } from "./complete-setup-action";

export function SetupForm({
  currencies,
  timeZones,
}: {
  currencies: string[];
  timeZones: string[];
}) {
  const [state, action] = useActionState(completeSetupAction, IDLE);
  const v = state.values ?? {};
  const f = state.fields ?? {};
  const text = (
    name: string,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <Field label={label} name={name} error={f[name]} hint={hint}>
      <Input
        name={name}
        defaultValue={v[name] ?? (props.defaultValue as string | undefined)}
        {...props}
        {...errorProps(name, f[name])}
      />
    </Field>
  );
  return (
    <form action={action} className="mt-8 space-y-6" noValidate>
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <Card>
        <CardHeader title="Your ISP" description="Shown on the storefront, invoices and emails." />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          {text(
            "name",
            "Trading name",
            { required: true, autoFocus: true, placeholder: "Valley Fibre" },
            undefined,
          )}
          {text(
            "country",
            "Country",
            { required: true, maxLength: 2, placeholder: "ZA", className: "uppercase" },
            "Two-letter ISO code",
          )}
          <Field
            label="Currency"
            name="currency"
            error={f.currency}
            hint="Cannot be changed once you bill"
          >
            <Select
              name="currency"
              defaultValue={v.currency ?? "ZAR"}
              {...errorProps("currency", f.currency)}
            >
              {currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          </Field>
          <Field
            label="Time zone"
            name="timeZone"
            error={f.timeZone}
            hint="Billing dates follow this zone"
          >
            <Select
              name="timeZone"
              defaultValue={v.timeZone ?? "Africa/Johannesburg"}
              {...errorProps("timeZone", f.timeZone)}
            >
              {timeZones.map((z) => (
                <option key={z}>{z}</option>
              ))}
            </Select>
          </Field>
          {text(
            "locale",
            "Locale",
            { defaultValue: "en", placeholder: "en-ZA" },
            "Formats dates and money, e.g. en-ZA, de-DE",
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Tax" description="The default rate for plans and charges." />
        <CardBody className="grid gap-4 sm:grid-cols-3">
          {text("taxName", "Tax name", { defaultValue: "VAT", required: true })}
          {text("taxRate", "Rate (%)", {
            defaultValue: "15",
            inputMode: "decimal",
            required: true,
          })}
          <Field label="Prices are shown" name="pricesIncludeTax">
            <Select name="pricesIncludeTax" defaultValue={v.pricesIncludeTax ?? "true"}>
              <option value="true">Including tax</option>
              <option value="false">Excluding tax</option>
            </Select>
          </Field>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="First administrator"
          description="You sign in with this account; add colleagues later."
        />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          {text("adminName", "Your name", { required: true, autoComplete: "name" })}
          {text("adminEmail", "Email", { type: "email", required: true, autoComplete: "email" })}
          <Field
            label="Password"
            name="adminPassword"
            error={f.adminPassword}
            hint="At least 10 characters"
            className="sm:col-span-2"
          >
            <Input
              name="adminPassword"
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              {...errorProps("adminPassword", f.adminPassword)}
            />
          </Field>
        </CardBody>
      </Card>
      <div className="flex justify-end">
        <SubmitButton size="lg" pending="Setting up…">
          Finish setup
        </SubmitButton>
      </div>
    </form>
  );
}
