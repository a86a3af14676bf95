"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { updateCustomerAction } from "./update-customer-action";

export function EditCustomerForm({
  customerId,
  initial,
}: {
  customerId: string;
  initial: Record<string, string | boolean>;
}) {
  const [state, action] = useActionState(updateCustomerAction, IDLE);
  const f = state.fields ?? {};
  const value = (k: string) => state.values?.[k] ?? String(initial[k] ?? "");
  const err = (k: string) => f[k];
  const text = (
    name: string,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <Field label={label} name={name} error={err(name)}>
      <Input name={name} defaultValue={value(name)} {...props} {...errorProps(name, err(name))} />
    </Field>
  );
  return (
    <form action={action} className="space-y-6" noValidate>
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="customerId" value={customerId} />
      <Card>
        <CardHeader title="Contact" />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field label="Customer type" name="type">
            <Select name="type" defaultValue={value("type")}>
              <option value="RESIDENTIAL">Residential</option>
              <option value="BUSINESS">Business</option>
            </Select>
          </Field>
          {text("companyName", "Company name")}
          {text("firstName", "First name", { autoComplete: "off" })}
          {text("lastName", "Last name", { autoComplete: "off" })}
          {text("email", "Email", { type: "email" })}
          {text("phone", "Phone", { type: "tel" })}
          {text("idNumber", "ID number")}
          {text("taxNumber", "Tax (VAT) number")}
          <label className="flex items-center gap-3 text-sm sm:col-span-2">
            <input
              type="checkbox"
              name="marketingOptIn"
              defaultChecked={
                state.values
                  ? state.values.marketingOptIn === "on"
                  : Boolean(initial.marketingOptIn)
              }
              className="h-4 w-4 accent-brand-700"
            />
            Agreed to receive marketing
          </label>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Billing address"
          description="Printed on invoices. Service addresses change with the service, not here."
        />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          {text("address.line1", "Street address")}
          {text("address.line2", "Address line 2")}
          {text("address.suburb", "Suburb")}
          {text("address.city", "Town or city")}
          {text("address.postalCode", "Postal code")}
          {text("address.region", "Province or region")}
          {text("address.country", "Country", { maxLength: 2, className: "uppercase" })}
        </CardBody>
      </Card>
      <div className="flex justify-end gap-2">
        <ButtonLink variant="secondary" href={`/admin/customers/${customerId}`}>
          Cancel
        </ButtonLink>
        <SubmitButton pending="Saving…">Save changes</SubmitButton>
      </div>
    </form>
  );
}
