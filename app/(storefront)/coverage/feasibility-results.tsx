"use client";

import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PlanCard } from "@/components/storefront/plan-card";
import { technologyLabel } from "@/lib/format/labels";
import type { FeasibilityResult } from "@/lib/coverage/check-feasibility";
import { perInterval } from "@/lib/format/labels";
import { formatMoney } from "@/lib/money/format-money";
import { NotifyMeForm } from "./notify-me-form";

export function FeasibilityResults({
  result,
  address,
  addressId,
  wantedPlan,
}: {
  result: FeasibilityResult;
  address: string;
  /** The serviceable-address list entry picked, if the pin came from the list. */
  addressId: string | null;
  wantedPlan?: string;
}) {
  const money = (v: number) => formatMoney(v, result.currency, result.locale);
  if (result.status !== "AVAILABLE") {
    const planned = result.status === "PLANNED";
    return (
      <div className="space-y-4">
        <div>
          <h2 className="text-xl font-semibold text-slate-900">
            {planned ? "Coming soon to your area" : "We are not there yet"}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {planned
              ? `We are building ${result.areas.map((a) => a.name).join(", ")}. Leave your details and we will tell you the day it goes live.`
              : "This spot is outside our network today. Leave your details and we will tell you when we reach it."}
          </p>
        </div>
        <NotifyMeForm address={address} lat={result.lat} lng={result.lng} />
      </div>
    );
  }
  const query = (code: string) =>
    `/order?${new URLSearchParams({ plan: code, lat: String(result.lat), lng: String(result.lng), address, ...(addressId ? { addressId } : {}) }).toString()}`;
  const wantedMissing =
    wantedPlan && !result.technologies.some((t) => t.plans.some((p) => p.code === wantedPlan));
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold text-slate-900">Good news: you are covered</h2>
        <p className="mt-1 text-sm text-slate-600">
          {result.areas
            .filter((a) => a.status === "LIVE")
            .map((a) => `${technologyLabel(a.technology)} in ${a.name}`)
            .join(" · ")}
          . Prices {result.pricesIncludeTax ? "include" : "exclude"} VAT.
        </p>
      </div>
      {wantedMissing && (
        <Alert tone="warning">
          The plan you picked is not offered at this address, but these are.
        </Alert>
      )}
      {result.technologies.map((t) => (
        <section key={t.technology} aria-labelledby={`tech-${t.technology}`}>
          <h3
            id={`tech-${t.technology}`}
            className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500"
          >
            {technologyLabel(t.technology)}
          </h3>
          <div className="grid gap-4 sm:grid-cols-2">
            {t.plans.map((p) => (
              <div
                key={p.id}
                className={p.code === wantedPlan ? "rounded-xl ring-2 ring-brand-600" : undefined}
              >
                <PlanCard
                  plan={{
                    ...p,
                    priceLabel: money(p.price),
                    intervalLabel: perInterval(p.interval),
                    setupLabel: p.setupFee ? money(p.setupFee) : null,
                  }}
                  action={
                    <ButtonLink
                      href={query(p.code)}
                      className="w-full"
                      aria-label={`Choose ${p.name}`}
                    >
                      Choose {p.name}
                    </ButtonLink>
                  }
                />
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
