"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Quote } from "@/lib/orders/build-quote";
import { fetchJson } from "@/components/storefront/fetch-json";

export function useQuote(planCode: string, addonCodes: string[]) {
  const addons = [...addonCodes].sort().join(",");
  return useQuery({
    queryKey: ["quote", planCode, addons],
    queryFn: () =>
      fetchJson<Quote>(
        `/api/storefront/quote?plan=${encodeURIComponent(planCode)}&addons=${encodeURIComponent(addons)}`,
      ),
    enabled: Boolean(planCode),
    placeholderData: keepPreviousData,
  });
}
