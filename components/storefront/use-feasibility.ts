"use client";

import { useQuery } from "@tanstack/react-query";
import type { FeasibilityResult } from "@/lib/coverage/check-feasibility";
import { fetchJson } from "./fetch-json";

export function useFeasibility(pin: { lat: number; lng: number } | null) {
  return useQuery({
    queryKey: ["feasibility", pin?.lat, pin?.lng],
    queryFn: () =>
      fetchJson<FeasibilityResult>(`/api/v1/feasibility?lat=${pin!.lat}&lng=${pin!.lng}`),
    enabled: pin !== null,
  });
}
