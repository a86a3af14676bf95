"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { AddressSearch } from "@/components/storefront/address-search";
import { MapLegend } from "@/components/storefront/map-legend";
import { useFeasibility } from "@/components/storefront/use-feasibility";
import type { MapArea } from "@/components/storefront/coverage-map";
import { FeasibilityResults } from "./feasibility-results";

const CoverageMap = dynamic(() => import("@/components/storefront/coverage-map"), {
  ssr: false,
  loading: () => <Skeleton className="h-[26rem] w-full rounded-xl" />,
});

type Pin = { lat: number; lng: number };

export function CoverageChecker({
  center,
  areas,
  wantedPlan,
}: {
  center: [number, number];
  areas: MapArea[];
  wantedPlan?: string;
}) {
  const [pin, setPin] = useState<Pin | null>(null);
  const [address, setAddress] = useState("");
  const [addressId, setAddressId] = useState<string | null>(null);
  const [focus, setFocus] = useState(0);
  const feasibility = useFeasibility(pin);
  const technologies = [
    ...new Set(areas.filter((a) => a.status === "LIVE").map((a) => a.technology)),
  ];

  function pick(lat: number, lng: number) {
    const p = { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
    setPin(p);
    // A pin moved by hand is no longer the listed address.
    setAddressId(null);
    setAddress((a) =>
      a && !a.startsWith("Pinned location")
        ? a
        : `Pinned location ${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}`,
    );
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="space-y-4">
        <AddressSearch
          onSelect={(m) => {
            setAddress(m.label);
            setAddressId(m.id);
            setPin({ lat: m.lat, lng: m.lng });
            setFocus((f) => f + 1);
          }}
        />
        <p className="text-sm text-slate-500">
          Not listed? Click your home on the map, or drag the pin to the right spot.
        </p>
        <CoverageMap
          center={center}
          areas={areas}
          pin={pin}
          onPick={pick}
          className="h-[26rem]"
          focus={focus}
          highlightIds={feasibility.data?.areas.map((a) => a.id)}
        />
        <MapLegend technologies={technologies} />
      </div>
      <div aria-live="polite">
        {!pin && (
          <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-500">
            <p className="font-medium text-slate-700">Where should we connect you?</p>
            <p className="mt-1 text-sm">
              Search for your address or drop a pin, and we will show the plans available there.
            </p>
          </div>
        )}
        {pin && feasibility.isPending && (
          <div role="status" aria-label="Checking coverage" className="space-y-3">
            <Skeleton className="h-7 w-64" />
            <Skeleton className="h-48 w-full" />
          </div>
        )}
        {pin && feasibility.isError && <Alert tone="error">{feasibility.error.message}</Alert>}
        {pin && feasibility.data && (
          <FeasibilityResults
            result={feasibility.data}
            address={address}
            addressId={addressId}
            wantedPlan={wantedPlan}
          />
        )}
      </div>
    </div>
  );
}
