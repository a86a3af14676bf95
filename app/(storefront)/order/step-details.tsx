"use client";

import { Field, Input, Select, Textarea, errorProps } from "@/components/ui/field";
import { INSTALL_SLOTS } from "@/lib/orders/checkout-schema";
import type { Details } from "./use-checkout-state";

type Props = {
  details: Partial<Details>;
  errors: Record<string, string>;
  requireIdNumber: boolean;
  /** Signed in: the order goes on this account; its email is fixed and no password is chosen. */
  signedInAs?: string;
  onChange: (d: Partial<Details>) => void;
};
type Addr = NonNullable<Details["billingAddress"]>;

/** A legal page beside a consent: a new tab, so the checkout stays where it is. */
const NewTab = ({ href, children }: { href: string; children: React.ReactNode }) => (
  <a href={href} target="_blank" rel="noreferrer" className="text-brand-700 underline">
    {children}
  </a>
);

export function StepDetails({ details: d, errors, requireIdNumber, signedInAs, onChange }: Props) {
  const e = (k: string) => errors[`details.${k}`];
  const set =
    (k: keyof Details) =>
    (ev: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      onChange({ [k]: ev.target.value });
  const check = (k: keyof Details) => (ev: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ [k]: ev.target.checked });
  const text = (
    k: keyof Details,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <Field label={label} name={`details.${k}`} error={e(k)} hint={hint}>
      <Input
        name={`details.${k}`}
        value={(d[k] as string | undefined) ?? ""}
        onChange={set(k)}
        {...props}
        {...errorProps(`details.${k}`, e(k))}
      />
    </Field>
  );
  const business = d.customerType === "BUSINESS";
  const service = d.serviceAddress;
  const setService = (k: keyof Addr) => (ev: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ serviceAddress: { ...service!, [k]: ev.target.value } });
  const billing: Partial<Addr> = d.billingAddress ?? {};
  const setBilling = (k: keyof Addr) => (ev: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ billingAddress: { ...(billing as Addr), [k]: ev.target.value } });
  const addr = (
    prefix: string,
    value: Partial<Addr>,
    setter: (k: keyof Addr) => (ev: React.ChangeEvent<HTMLInputElement>) => void,
  ) => (
    <div className="grid gap-4 sm:grid-cols-2">
      {(["line1", "line2", "suburb", "city", "postalCode"] as const).map((k) => (
        <Field
          key={k}
          label={
            {
              line1: "Street address",
              line2: "Unit / complex (optional)",
              suburb: "Suburb",
              city: "Town or city",
              postalCode: "Postal code",
            }[k]
          }
          name={`details.${prefix}.${k}`}
          error={e(`${prefix}.${k}`)}
          className={k === "line1" ? "sm:col-span-2" : undefined}
        >
          <Input
            name={`details.${prefix}.${k}`}
            value={value[k] ?? ""}
            onChange={setter(k)}
            autoComplete={
              {
                line1: "address-line1",
                line2: "address-line2",
                suburb: "address-level3",
                city: "address-level2",
                postalCode: "postal-code",
              }[k]
            }
            {...errorProps(`details.${prefix}.${k}`, e(`${prefix}.${k}`))}
          />
        </Field>
      ))}
    </div>
  );

  return (
    <div className="space-y-8">
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">About you</legend>
        <div className="flex gap-6 text-sm">
          {(["RESIDENTIAL", "BUSINESS"] as const).map((t) => (
            <label key={t} className="flex items-center gap-2">
              <input
                type="radio"
                name="customerType"
                checked={(d.customerType ?? "RESIDENTIAL") === t}
                onChange={() => onChange({ customerType: t })}
                className="h-4 w-4 text-brand-700"
              />
              {t === "RESIDENTIAL" ? "Home" : "Business"}
            </label>
          ))}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {business && (
            <div className="sm:col-span-2">
              {text("companyName", "Company name", { autoComplete: "organization" })}
            </div>
          )}
          {text("firstName", "First name", { autoComplete: "given-name" })}
          {text("lastName", "Last name", { autoComplete: "family-name" })}
          {text(
            "idNumber",
            business
              ? `Company registration number${requireIdNumber ? "" : " (optional)"}`
              : `ID or passport number${requireIdNumber ? "" : " (optional)"}`,
            {},
            "Needed for the agreement",
          )}
          {business ? (
            text("taxNumber", "VAT number (optional)")
          ) : (
            <div className="hidden sm:block" />
          )}
          {text(
            "email",
            "Email",
            { type: "email", autoComplete: "email", readOnly: Boolean(signedInAs) },
            signedInAs
              ? "You are signed in: this service is added to your account"
              : "You sign in to your account with this",
          )}
          {text("phone", "Mobile number", { type: "tel", autoComplete: "tel" })}
          {!signedInAs &&
            text(
              "password",
              "Choose a password",
              { type: "password", autoComplete: "new-password" },
              "At least 10 characters, for your online account",
            )}
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Where we install</legend>
        {addr("serviceAddress", service ?? {}, setService)}
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={d.billingSameAsService ?? true}
            onChange={check("billingSameAsService")}
            className="h-4 w-4 rounded text-brand-700"
          />
          Send invoices to this address too
        </label>
        {d.billingSameAsService === false && (
          <div className="space-y-3 rounded-lg bg-slate-50 p-4">
            <p className="text-sm font-medium text-slate-700">Billing address</p>
            {addr("billingAddress", billing, setBilling)}
          </div>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Preferred installation time"
            name="details.installSlot"
            error={e("installSlot")}
          >
            <Select
              name="details.installSlot"
              value={d.installSlot ?? "WEEKDAY_MORNING"}
              onChange={set("installSlot")}
            >
              {Object.entries(INSTALL_SLOTS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Access notes (optional)"
            name="details.installNotes"
            error={e("installNotes")}
          >
            <Textarea
              name="details.installNotes"
              rows={1}
              value={d.installNotes ?? ""}
              onChange={set("installNotes")}
              placeholder="Gate code, dogs, best contact time"
            />
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-3 text-sm text-slate-700">
        <legend className="text-base font-semibold text-slate-900">Consent</legend>
        {(
          [
            [
              "acceptTerms",
              <>
                I accept the <NewTab href="/terms">terms of service</NewTab>, which I will also see
                in full in the agreement before signing.
              </>,
            ],
            [
              "acceptPrivacy",
              <>
                I agree that my personal information is processed to provide and bill the service,
                as the <NewTab href="/privacy">privacy notice</NewTab> (POPIA/GDPR) describes.
              </>,
            ],
            ["marketingOptIn", "Send me news and offers (optional; you can unsubscribe any time)."],
          ] as const
        ).map(([k, label]) => (
          <div key={k}>
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                id={`details.${k}`}
                checked={Boolean(d[k])}
                onChange={check(k)}
                className="mt-0.5 h-4 w-4 rounded text-brand-700"
                {...errorProps(`details.${k}`, e(k))}
              />
              {label}
            </label>
            {e(k) && (
              <p id={`details.${k}-error`} className="ml-6 mt-1 text-sm text-red-600">
                {e(k)}
              </p>
            )}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
