"use client";

import { cn } from "@/components/ui/cn";
import { perInterval } from "@/lib/format/labels";
import { formatMoney } from "@/lib/money/format-money";
import type { PublicProduct } from "@/lib/catalog/public-product";

export function StepBasket(props: {
  plans: PublicProduct[];
  addons: PublicProduct[];
  planCode: string;
  addonCodes: string[];
  currency: string;
  locale: string;
  onChange: (patch: { planCode?: string; addonCodes?: string[] }) => void;
}) {
  const money = (v: number) => formatMoney(v, props.currency, props.locale);
  const toggle = (code: string) =>
    props.onChange({
      addonCodes: props.addonCodes.includes(code)
        ? props.addonCodes.filter((c) => c !== code)
        : [...props.addonCodes, code],
    });
  return (
    <div className="space-y-8">
      <fieldset>
        <legend className="text-base font-semibold text-slate-900">Plan</legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {props.plans.map((p) => (
            <label
              key={p.code}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-lg p-4 ring-1",
                props.planCode === p.code
                  ? "bg-brand-50 ring-2 ring-brand-600"
                  : "bg-white ring-slate-200 hover:ring-slate-300",
              )}
            >
              <input
                type="radio"
                name="plan"
                value={p.code}
                checked={props.planCode === p.code}
                onChange={() => props.onChange({ planCode: p.code })}
                className="mt-1 h-4 w-4 text-brand-700"
              />
              <span className="flex-1">
                <span className="flex items-baseline justify-between gap-2">
                  <span className="font-semibold text-slate-900">{p.name}</span>
                  <span className="tabular whitespace-nowrap text-sm font-semibold">
                    {money(p.price)}{" "}
                    <span className="font-normal text-slate-500">{perInterval(p.interval)}</span>
                  </span>
                </span>
                <span className="mt-0.5 block text-sm text-slate-600">
                  {p.downloadMbps}/{p.uploadMbps} Mbps ·{" "}
                  {p.dataCapGb ? `${p.dataCapGb} GB` : "uncapped"} ·{" "}
                  {p.contractMonths ? `${p.contractMonths}-month term` : "month to month"}
                </span>
                {p.setupFee > 0 && (
                  <span className="block text-xs text-slate-500">Setup {money(p.setupFee)}</span>
                )}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {props.addons.length > 0 && (
        <fieldset>
          <legend className="text-base font-semibold text-slate-900">Extras</legend>
          <div className="mt-3 space-y-2">
            {props.addons.map((a) => (
              <label
                key={a.code}
                className="flex cursor-pointer items-start gap-3 rounded-lg bg-white p-3 ring-1 ring-slate-200 hover:ring-slate-300"
              >
                <input
                  type="checkbox"
                  checked={props.addonCodes.includes(a.code)}
                  onChange={() => toggle(a.code)}
                  className="mt-1 h-4 w-4 rounded text-brand-700"
                />
                <span className="flex-1">
                  <span className="flex items-baseline justify-between gap-2">
                    <span className="font-medium text-slate-900">{a.name}</span>
                    <span className="tabular whitespace-nowrap text-sm">
                      {money(a.price)}{" "}
                      <span className="text-slate-500">
                        {perInterval(a.addonCharge === "ONCE_OFF" ? null : a.interval)}
                      </span>
                    </span>
                  </span>
                  {a.description && (
                    <span className="block text-sm text-slate-500">{a.description}</span>
                  )}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
