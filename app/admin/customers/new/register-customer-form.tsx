"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { registerCustomerAction } from "./register-customer-action";

/** A walk-in or phone customer: contact, ID and billing address; duplicates must be confirmed. */
export function RegisterCustomerForm() {
  const [state, action] = useActionState(registerCustomerAction, IDLE);
  const f = state.fields ?? {};
  const value = (k: string) => state.values?.[k] ?? "";
  const text = (
    name: string,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <Field label={label} name={name} error={f[name]}>
      <Input name={name} defaultValue={value(name)} {...props} {...errorProps(name, f[name])} />
    </Field>
  );
  const duplicate = state.status === "error" && state.code === "CONFLICT";
  return (
    <form action={action} className="max-w-3xl space-y-6" noValidate>
      {state.status === "error" && (
        <Alert tone={duplicate ? "warning" : "error"}>{state.message}</Alert>
      )}
      <Card>
        <CardHeader title="Contact" />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field label="Customer type" name="type">
            <Select name="type" defaultValue={value("type") || "RESIDENTIAL"}>
              <option value="RESIDENTIAL">Residential</option>
              <option value="BUSINESS">Business</option>
            </Select>
          </Field>
          {text("companyName", "Company name (business)")}
          {text("firstName", "First name", { required: true, autoComplete: "off" })}
          {text("lastName", "Last name", { required: true, autoComplete: "off" })}
          {text("email", "Email", { type: "email", required: true })}
          {text("phone", "Phone", { type: "tel" })}
          {text("idNumber", "ID number")}
          {text("taxNumber", "Tax (VAT) number")}
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Billing address"
          description="Checked against the coverage; the result is pinned on the account."
        />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          {text("billingAddress.line1", "Street address", { required: true })}
          {text("billingAddress.suburb", "Suburb")}
          {text("billingAddress.city", "City", { required: true })}
          {text("billingAddress.postalCode", "Postal code")}
        </CardBody>
      </Card>
      {duplicate && (
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            name="acknowledgeDuplicates"
            className="rounded border-slate-300"
          />
          This is a different person: create a new account anyway
        </label>
      )}
      <div className="flex gap-3">
        <SubmitButton>Create customer</SubmitButton>
        <ButtonLink href="/admin/customers" variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
