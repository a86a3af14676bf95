"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  ADDON_CHARGES,
  addonChargeLabel,
  CAP_ACTIONS,
  capActionLabel,
  INTERVALS,
  intervalLabel,
  TECHNOLOGIES,
  technologyLabel,
} from "@/lib/format/labels";
import { IDLE, type FormState } from "@/lib/http/form-state";

type Area = { id: string; name: string; technology: string; status: string };
type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  kind: "PLAN" | "ADDON";
  id?: string;
  defaults: Record<string, string>;
  areaIds: string[];
  taxClasses: { id: string; name: string }[];
  areas: Area[];
  currency: string;
};

export function ProductForm({
  action,
  kind,
  id,
  defaults,
  areaIds,
  taxClasses,
  areas,
  currency,
}: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const v = { ...defaults, ...(state.values ?? {}) };
  const f = state.fields ?? {};
  const text = (
    name: string,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <Field label={label} name={name} error={f[name]} hint={hint}>
      <Input name={name} defaultValue={v[name] ?? ""} {...props} {...errorProps(name, f[name])} />
    </Field>
  );
  const plan = kind === "PLAN";
  return (
    <form action={formAction} className="space-y-6" noValidate>
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="kind" value={kind} />
      {id && <input type="hidden" name="id" value={id} />}
      <Card>
        <CardHeader title="Product" />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          {text("name", "Name", { required: true })}
          {text(
            "code",
            "Code",
            { required: true, className: "uppercase" },
            "Used in the API and links, e.g. FIBRE-100",
          )}
          <Field
            label="Description"
            name="description"
            error={f.description}
            className="sm:col-span-2"
          >
            <Textarea name="description" rows={2} defaultValue={v.description ?? ""} />
          </Field>
          {text("sortOrder", "Sort order", { inputMode: "numeric" }, "Lower numbers show first")}
        </CardBody>
      </Card>
      {plan && (
        <Card>
          <CardHeader title="Service" />
          <CardBody className="grid gap-4 sm:grid-cols-3">
            <Field label="Technology" name="technology" error={f.technology}>
              <Select name="technology" defaultValue={v.technology ?? "FIBRE"}>
                {TECHNOLOGIES.map((t) => (
                  <option key={t} value={t}>
                    {technologyLabel(t)}
                  </option>
                ))}
              </Select>
            </Field>
            {text("downloadMbps", "Download (Mbps)", { inputMode: "numeric", required: true })}
            {text("uploadMbps", "Upload (Mbps)", { inputMode: "numeric", required: true })}
            {text("dataCapGb", "Data cap (GB)", { inputMode: "numeric" }, "Empty = uncapped")}
            <div className="sm:col-span-2">
              {text("fairUseNote", "Fair-use note", {}, "Shown on the plan and in the contract")}
            </div>
          </CardBody>
        </Card>
      )}
      {plan && (
        <Card>
          <CardHeader
            title="Data cap and fair use"
            description="Counted per calendar month, download and upload together. Customers are emailed at 80 % and 100 %."
          />
          <CardBody className="grid gap-4 sm:grid-cols-3">
            <Field label="At 100 % of the cap" name="capAction" error={f.capAction}>
              <Select name="capAction" defaultValue={v.capAction ?? "NOTIFY"}>
                {CAP_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {capActionLabel(a)}
                  </option>
                ))}
              </Select>
            </Field>
            {text(
              "fupDownloadMbps",
              "Fair-use download (Mbps)",
              { inputMode: "numeric" },
              "Empty = the ISP's throttle speed",
            )}
            {text("fupUploadMbps", "Fair-use upload (Mbps)", { inputMode: "numeric" })}
            {text(
              "overagePerGb",
              `Price per GB over (${currency})`,
              { inputMode: "decimal", className: "tabular text-right" },
              "For billing the overage",
            )}
            {text(
              "uncountedFromHour",
              "Uncounted from (hour)",
              { inputMode: "numeric" },
              "e.g. 0 for midnight",
            )}
            {text(
              "uncountedToHour",
              "Uncounted until (hour)",
              { inputMode: "numeric" },
              "e.g. 6; empty = every hour counts",
            )}
            {text("topUpGb", "Top-up size (GB)", { inputMode: "numeric" }, "Offered in the portal")}
            {text("topUpPrice", `Top-up price (${currency})`, {
              inputMode: "decimal",
              className: "tabular text-right",
            })}
            <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
              <input type="checkbox" name="capRollover" defaultChecked={v.capRollover === "on"} />
              Unused data rolls over one month
            </label>
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader
          title="Price and terms"
          description={`Amounts in ${currency}, as customers see them (inclusive or exclusive of tax per your settings).`}
        />
        <CardBody className="grid gap-4 sm:grid-cols-3">
          {text("price", "Price", {
            inputMode: "decimal",
            required: true,
            className: "tabular text-right",
          })}
          <Field label={plan ? "Billed" : "Charged"} name={plan ? "interval" : "addonCharge"}>
            {plan ? (
              <Select name="interval" defaultValue={v.interval ?? "MONTH"}>
                {INTERVALS.map((i) => (
                  <option key={i} value={i}>
                    {intervalLabel(i)}
                  </option>
                ))}
              </Select>
            ) : (
              <Select name="addonCharge" defaultValue={v.addonCharge ?? "RECURRING"}>
                {ADDON_CHARGES.map((c) => (
                  <option key={c} value={c}>
                    {addonChargeLabel(c)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {!plan && <input type="hidden" name="interval" value={v.interval ?? "MONTH"} />}
          {text("setupFee", "Setup fee", { inputMode: "decimal", className: "tabular text-right" })}
          {text(
            "contractMonths",
            "Minimum term (months)",
            { inputMode: "numeric" },
            "0 = month to month",
          )}
          {text(
            "earlyTerminationPercent",
            "Early termination (%)",
            { inputMode: "numeric" },
            "Of monthly charges × remaining months",
          )}
          <Field label="Tax class" name="taxClassId" error={f.taxClassId}>
            <Select name="taxClassId" defaultValue={v.taxClassId}>
              {taxClasses.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Sold in"
          description="The coverage areas where this is offered at checkout."
        />
        <CardBody>
          {areas.length === 0 ? (
            <p className="text-sm text-slate-500">
              No coverage areas yet. Add them under Coverage.
            </p>
          ) : (
            <fieldset className="grid gap-2 sm:grid-cols-3">
              <legend className="sr-only">Coverage areas</legend>
              {areas.map((a) => (
                <label key={a.id} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name="coverageAreaIds"
                    value={a.id}
                    defaultChecked={areaIds.includes(a.id)}
                    className="h-4 w-4 rounded text-brand-700"
                  />
                  {a.name}{" "}
                  <span className="text-xs text-slate-400">
                    {technologyLabel(a.technology)}
                    {a.status === "PLANNED" ? ", planned" : ""}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          {f.coverageAreaIds && <p className="mt-2 text-sm text-red-600">{f.coverageAreaIds}</p>}
        </CardBody>
      </Card>
      <div className="flex justify-end">
        <SubmitButton pending="Saving…">Save</SubmitButton>
      </div>
    </form>
  );
}
