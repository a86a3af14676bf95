"use client";

// Staff set up a service: the address (searched on the serviceable-address list, checked against
// coverage like the storefront), the plans and add-ons sold there, the start date, how the
// customer pays and how they sign. The server re-checks everything (createServiceRequest).
import { useState, useTransition } from "react";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea, errorProps } from "@/components/ui/field";
import { AddressSearch } from "@/components/storefront/address-search";
import { fetchJson } from "@/components/storefront/fetch-json";
import { perInterval } from "@/lib/format/labels";
import { plural } from "@/lib/format/plural";
import { formatMoney } from "@/lib/money/format-money";
import type { FeasibilityResult } from "@/lib/coverage/check-feasibility";
import { INSTALL_SLOTS } from "@/lib/orders/checkout-schema";
import { createServiceRequestAction } from "./create-service-request-action";
import { PaymentSigningCard, type BankFields } from "./payment-signing-card";
import { Radio } from "./radio";

type Address = {
  line1: string;
  line2: string;
  suburb: string;
  city: string;
  postalCode: string;
  lat: string;
  lng: string;
  serviceableAddressId: string | null;
};
const EMPTY: Address = {
  line1: "",
  line2: "",
  suburb: "",
  city: "",
  postalCode: "",
  lat: "",
  lng: "",
  serviceableAddressId: null,
};

export function ServiceRequestForm(props: {
  customerId: string;
  today: string;
  currency: string;
  locale: string;
  hasPortalLogin: boolean;
}) {
  const [address, setAddress] = useState<Address>(EMPTY);
  const [planCode, setPlanCode] = useState("");
  const [addonCodes, setAddonCodes] = useState<string[]>([]);
  const [startDate, setStartDate] = useState(props.today);
  const [installSlot, setInstallSlot] = useState<keyof typeof INSTALL_SLOTS>("WEEKDAY_MORNING");
  const [installNotes, setInstallNotes] = useState("");
  const [payKind, setPayKind] = useState<"DEBIT_ORDER" | "CARD_LINK" | "EFT">("DEBIT_ORDER");
  const [bank, setBank] = useState<BankFields>({
    accountHolder: "",
    accountNumber: "",
    branchCode: "",
    bankName: "",
  });
  const [signing, setSigning] = useState<"IN_PERSON" | "EMAIL_LINK">("IN_PERSON");
  const [feasibilityNote, setFeasibilityNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const lat = Number(address.lat);
  const lng = Number(address.lng);
  const located = address.lat !== "" && address.lng !== "" && !isNaN(lat) && !isNaN(lng);
  const offer = useQuery({
    queryKey: ["feasibility", lat, lng],
    queryFn: () => fetchJson<FeasibilityResult>(`/api/v1/feasibility?lat=${lat}&lng=${lng}`),
    enabled: located,
  });
  const plans = offer.data?.technologies.flatMap((t) => t.plans) ?? [];
  const money = (v: number) => formatMoney(v, props.currency, props.locale);
  const set = (patch: Partial<Address>) => setAddress((a) => ({ ...a, ...patch }));
  const e = (k: string) => errors[k];

  function submit(ev: React.FormEvent) {
    ev.preventDefault();
    setMessage(null);
    start(async () => {
      const r = await createServiceRequestAction({
        customerId: props.customerId,
        basket: { planCode, addonCodes },
        serviceAddress: {
          ...address,
          lat: address.lat.trim() === "" ? NaN : Number(address.lat),
          lng: address.lng.trim() === "" ? NaN : Number(address.lng),
        },
        installSlot,
        installNotes,
        startDate,
        payment: payKind === "DEBIT_ORDER" ? { kind: payKind, ...bank } : { kind: payKind },
        signing,
        feasibilityNote,
      });
      // Success redirects; only errors come back.
      setErrors(r.fields ?? {});
      setMessage(r.message ?? null);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <Card>
        <CardHeader
          title="Service address"
          description="Search the serviceable-address list, or type the address and its map position."
        />
        <CardBody className="space-y-4">
          <AddressSearch
            label="Find the address"
            onSelect={(m) => {
              const [line1 = "", suburb = "", city = "", postalCode = ""] = m.label
                .split(",")
                .map((s) => s.trim());
              setAddress({
                ...EMPTY,
                line1,
                suburb,
                city,
                postalCode,
                lat: String(m.lat),
                lng: String(m.lng),
                serviceableAddressId: m.id,
              });
              setPlanCode("");
              setAddonCodes([]);
            }}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            {(
              [
                ["line1", "Street address"],
                ["line2", "Unit, complex (optional)"],
                ["suburb", "Suburb"],
                ["city", "Town or city"],
                ["postalCode", "Postal code"],
              ] as const
            ).map(([k, label]) => (
              <Field
                key={k}
                label={label}
                name={`serviceAddress.${k}`}
                error={e(`serviceAddress.${k}`)}
              >
                <Input
                  name={`serviceAddress.${k}`}
                  value={address[k]}
                  onChange={(ev) => set({ [k]: ev.target.value, serviceableAddressId: null })}
                  {...errorProps(`serviceAddress.${k}`, e(`serviceAddress.${k}`))}
                />
              </Field>
            ))}
            <div className="grid grid-cols-2 gap-3">
              {(["lat", "lng"] as const).map((k) => (
                <Field
                  key={k}
                  label={k === "lat" ? "Latitude" : "Longitude"}
                  name={`serviceAddress.${k}`}
                  error={e(`serviceAddress.${k}`)}
                >
                  <Input
                    name={`serviceAddress.${k}`}
                    inputMode="decimal"
                    value={address[k]}
                    onChange={(ev) => set({ [k]: ev.target.value })}
                    {...errorProps(`serviceAddress.${k}`, e(`serviceAddress.${k}`))}
                  />
                </Field>
              ))}
            </div>
          </div>
          {located && offer.data && (
            <p role="status" className="text-sm text-slate-600">
              {offer.data.status === "AVAILABLE"
                ? `In coverage: ${plural(plans.length, "plan")} sold here.`
                : offer.data.status === "PLANNED"
                  ? "Coverage is planned here, not live yet."
                  : "Outside coverage: no plan is sold here."}
            </p>
          )}
          {offer.isError && <Alert tone="error">{(offer.error as Error).message}</Alert>}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Plan and add-ons" />
        <CardBody className="space-y-4">
          {!located ? (
            <p className="text-sm text-slate-500">
              Choose the address first: the plans depend on it.
            </p>
          ) : (
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">Plan</legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {plans.map((p) => (
                  <Radio
                    key={p.code}
                    name="basket.planCode"
                    value={p.code}
                    checked={planCode === p.code}
                    onChange={() => setPlanCode(p.code)}
                  >
                    <span className="font-medium text-slate-900">{p.name}</span>{" "}
                    <span className="tabular">
                      {money(p.price)} {perInterval(p.interval)}
                    </span>
                  </Radio>
                ))}
              </div>
              {e("basket.planCode") && (
                <p className="mt-1 text-sm text-red-600">{e("basket.planCode")}</p>
              )}
            </fieldset>
          )}
          {located && (offer.data?.addons.length ?? 0) > 0 && (
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">Add-ons</legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {offer.data!.addons.map((a) => (
                  <label key={a.code} className="flex items-start gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      name="basket.addonCodes"
                      value={a.code}
                      checked={addonCodes.includes(a.code)}
                      onChange={() =>
                        setAddonCodes((c) =>
                          c.includes(a.code) ? c.filter((x) => x !== a.code) : [...c, a.code],
                        )
                      }
                      className="mt-0.5 h-4 w-4 rounded text-brand-700"
                    />
                    <span>
                      {a.name}{" "}
                      <span className="tabular">
                        {money(a.price)}{" "}
                        {perInterval(a.addonCharge === "ONCE_OFF" ? null : a.interval)}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
              {e("basket.addonCodes") && (
                <p className="mt-1 text-sm text-red-600">{e("basket.addonCodes")}</p>
              )}
            </fieldset>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Start date (billing starts)"
              name="startDate"
              error={e("startDate")}
              hint="The service activates on this date once the customer signs."
            >
              <Input
                type="date"
                name="startDate"
                value={startDate}
                onChange={(ev) => setStartDate(ev.target.value)}
                {...errorProps("startDate", e("startDate"))}
              />
            </Field>
            <Field label="Installation" name="installSlot" error={e("installSlot")}>
              <Select
                name="installSlot"
                value={installSlot}
                onChange={(ev) => setInstallSlot(ev.target.value as keyof typeof INSTALL_SLOTS)}
              >
                {Object.entries(INSTALL_SLOTS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field
            label="Installation notes (optional)"
            name="installNotes"
            error={e("installNotes")}
          >
            <Textarea
              name="installNotes"
              rows={2}
              value={installNotes}
              onChange={(ev) => setInstallNotes(ev.target.value)}
            />
          </Field>
          <Field
            label="How you know the address can be served (only if it cannot be verified)"
            name="feasibilityNote"
            error={e("feasibilityNote")}
            hint="Needed when the address is not on the serviceable-address list and no geocoder places it in coverage."
          >
            <Textarea
              name="feasibilityNote"
              rows={2}
              value={feasibilityNote}
              onChange={(ev) => setFeasibilityNote(ev.target.value)}
              {...errorProps("feasibilityNote", e("feasibilityNote"))}
            />
          </Field>
        </CardBody>
      </Card>

      <PaymentSigningCard
        payKind={payKind}
        setPayKind={setPayKind}
        bank={bank}
        setBank={setBank}
        signing={signing}
        setSigning={setSigning}
        hasPortalLogin={props.hasPortalLogin}
        error={e}
      />
      {message && <Alert tone="error">{message}</Alert>}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending
          ? "Preparing the agreement…"
          : signing === "IN_PERSON"
            ? "Continue to signature"
            : "Send the agreement"}
      </Button>
    </form>
  );
}
