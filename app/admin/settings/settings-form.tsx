"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { updateSettingsAction } from "./update-settings-action";

export type SettingsValues = Record<string, string | boolean | number | null>;

export function SettingsForm({
  initial,
  currency,
  timeZones,
  collectionFormats,
}: {
  initial: SettingsValues;
  currency: string;
  timeZones: string[];
  /** [value, label] of every debit-order file format (lib/bank/csv-templates.ts). */
  collectionFormats: [string, string][];
}) {
  const [state, action] = useActionState(updateSettingsAction, IDLE);
  const f = state.fields ?? {};
  const value = (k: string) => state.values?.[k] ?? (initial[k] == null ? "" : String(initial[k]));
  const text = (
    name: string,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <Field label={label} name={name} error={f[name]} hint={hint}>
      <Input name={name} defaultValue={value(name)} {...props} {...errorProps(name, f[name])} />
    </Field>
  );
  const check = (name: string, label: string, hint: string) => (
    <label className="flex items-start gap-3 text-sm">
      <input
        type="checkbox"
        name={name}
        defaultChecked={state.values ? state.values[name] === "on" : Boolean(initial[name])}
        className="mt-0.5 h-4 w-4 accent-brand-700"
      />
      <span>
        <span className="font-medium text-slate-800">{label}</span>
        <span className="block text-slate-500">{hint}</span>
      </span>
    </label>
  );
  const select = (name: string, label: string, options: [string, string][], hint?: string) => (
    <Field label={label} name={name} error={f[name]} hint={hint}>
      <Select name={name} defaultValue={value(name)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form action={action} className="space-y-6" noValidate>
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <Card>
        <CardHeader
          title="Business"
          description="Printed on invoices and shown on the storefront."
        />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          {text("name", "Trading name", { required: true })}
          {text("legalName", "Legal name")}
          {text("taxNumber", "Tax (VAT) number")}
          {text("registrationNumber", "Company registration number")}
          {text("email", "Billing email", { type: "email" })}
          {text("phone", "Phone", { type: "tel" })}
          {text("website", "Website", { placeholder: "https://" })}
          <div />
          {text("addressLine1", "Address")}
          {text("addressLine2", "Address line 2")}
          {text("city", "Town or city")}
          {text("postalCode", "Postal code")}
          {text("region", "Province or region")}
          {text(
            "country",
            "Country",
            { maxLength: 2, className: "uppercase" },
            "Two-letter ISO code",
          )}
          <Field
            label="Time zone"
            name="timeZone"
            error={f.timeZone}
            hint="Billing dates are days in this zone"
          >
            <Select name="timeZone" defaultValue={value("timeZone")}>
              {timeZones.map((z) => (
                <option key={z}>{z}</option>
              ))}
            </Select>
          </Field>
          {text("locale", "Locale", { placeholder: "en-ZA" }, "Formats dates and money")}
          <Field
            label="Currency"
            name="currency"
            hint="Fixed once set up: every invoice and balance is in it"
          >
            <Input name="currency" value={currency} disabled readOnly />
          </Field>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Branding" />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          {text(
            "logoUrl",
            "Logo URL",
            { placeholder: "https://… or /brand/logo.png" },
            "Shown in the header instead of the name",
          )}
          <Field
            label="Brand colour"
            name="brandColor"
            error={f.brandColor}
            hint="Used on invoices and emails"
          >
            <div className="flex gap-2">
              <input
                type="color"
                aria-label="Pick brand colour"
                defaultValue={value("brandColor")}
                className="h-9 w-12 cursor-pointer rounded border border-slate-300"
                onChange={(e) => {
                  const t = e.currentTarget.form?.elements.namedItem("brandColor");
                  if (t instanceof HTMLInputElement) t.value = e.currentTarget.value;
                }}
              />
              <Input
                name="brandColor"
                defaultValue={value("brandColor")}
                className="font-mono"
                {...errorProps("brandColor", f.brandColor)}
              />
            </div>
          </Field>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Tax"
          description="The default rate applies to plans and charges in the standard tax class."
        />
        <CardBody className="grid gap-4 sm:grid-cols-3">
          {text("taxName", "Tax name")}
          {text("taxRate", "Standard rate (%)", { inputMode: "decimal" })}
          <div className="sm:pt-6">
            {check(
              "pricesIncludeTax",
              "Prices include tax",
              "Catalogue prices are what the customer pays",
            )}
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Billing" description="How and when invoices are made and collected." />
        <CardBody className="grid gap-4 sm:grid-cols-3">
          {select(
            "cycleMode",
            "Billing cycle",
            [
              ["ANNIVERSARY", "Anniversary (from each start date)"],
              ["CALENDAR", "Calendar (1st of the month)"],
            ],
            "For new subscriptions",
          )}
          {text("paymentTermsDays", "Payment terms (days)", { inputMode: "numeric" })}
          {text(
            "billingHour",
            "Billing hour (0–23)",
            { inputMode: "numeric" },
            "Local time of the daily billing run",
          )}
          {text(
            "invoiceHoldHours",
            "Hold invoices for review (hours)",
            { inputMode: "numeric" },
            "0 sends invoices straight away",
          )}
          {select("suspensionBilling", "While suspended", [
            ["CONTINUE", "Keep billing"],
            ["SKIP", "Credit the suspended days"],
          ])}
          <div />
          <div className="space-y-3 sm:col-span-3">
            {check(
              "allowImmediateCancel",
              "Customers may cancel with immediate effect",
              "Otherwise cancellation takes effect at the end of the period",
            )}
            {check(
              "requireIdNumber",
              "Require an ID number at sign-up",
              "For credit vetting and RICA/KYC rules",
            )}
            {check(
              "applyCreditToNewInvoices",
              "Apply customer credit to new invoices",
              "Overpayments and other credit pay each invoice as it is finalised",
            )}
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Card payments"
          description="Stripe auto-pay for customers with a default card, and pay-now methods."
        />
        <CardBody className="grid gap-4 sm:grid-cols-3">
          {select("autoPayOn", "Charge the default card", [
            ["FINALIZED", "When the invoice is finalised"],
            ["DUE_DATE", "On the invoice's due date"],
          ])}
          {text(
            "paymentRetryDays",
            "Attempts on days",
            {},
            "After the first attempt, e.g. 0, 3, 7",
          )}
          {text(
            "stripePaymentMethodTypes",
            "Other pay-now methods",
            {},
            "Besides cards, as enabled in Stripe: sepa_debit, boleto, pix — or automatic",
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Bank details"
          description="Printed on invoices for EFT payments; the creditor id is used for SEPA direct debits."
        />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          {text("bankName", "Bank")}
          {text("bankAccountName", "Account holder")}
          {text("bankAccountNumber", "Account number")}
          {text("bankBranchCode", "Branch code")}
          {text("bankIban", "IBAN")}
          {text("bankBic", "BIC / SWIFT")}
          {text("creditorId", "SEPA creditor identifier")}
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Debit-order collections"
          description="How the bank.build-collection job builds the collection file for customers with an active mandate, and what a returned debit costs."
        />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          {select("bankCollectionFormat", "File format", collectionFormats)}
          {text(
            "bankCollectionDays",
            "Collect on days of the month",
            { placeholder: "1, 15", inputMode: "numeric" },
            "Days 1 to 28; empty: collections are built by hand only",
          )}
          {select("bankCollectMode", "Collect", [
            ["DUE_DATE", "Invoices due on or before the collection date"],
            ["AFTER_ISSUE", "Invoices issued at least N days before"],
          ])}
          {text(
            "bankCollectAfterDays",
            "Days after issue",
            { type: "number", min: 0, max: 90 },
            "Used when collecting N days after issue",
          )}
          {text(
            "bankPrenotifyDays",
            "Pre-notify debtors, days before",
            { type: "number", min: 0, max: 30 },
            "SEPA requires 14 unless agreed otherwise",
          )}
          {text(
            "bankReturnFee",
            `Fee per returned debit (${currency})`,
            { inputMode: "decimal" },
            "Charged on the next invoice; 0 for none",
          )}
          <div className="space-y-3 sm:col-span-2">
            {check(
              "bankUseFrst",
              "Send the first collection as FRST",
              "Off: RCUR from the first collection (SEPA rulebook 2016+)",
            )}
            {check(
              "bankRetryInsufficientFunds",
              "Retry after insufficient funds (AM04)",
              "The invoice goes into the next collection again",
            )}
          </div>
        </CardBody>
      </Card>
      <div className="sticky bottom-0 -mx-4 flex items-center justify-end gap-4 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:-mx-8 sm:px-8">
        {state.status === "error" && (
          <p className="text-sm text-red-700">Check the fields marked in red.</p>
        )}
        <SubmitButton pending="Saving…">Save settings</SubmitButton>
      </div>
    </form>
  );
}
