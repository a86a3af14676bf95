"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { AddressMatch } from "@/lib/coverage/search-addresses";
import { fetchJson } from "./fetch-json";

/** Suggestions for what the visitor is typing, debounced so each keystroke is not a request. */
export function useAddressSearch(text: string) {
  const [q, setQ] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(t);
  }, [text]);
  return useQuery({
    queryKey: ["addresses", q],
    queryFn: () =>
      fetchJson<{ matches: AddressMatch[] }>(
        `/api/storefront/addresses?q=${encodeURIComponent(q)}`,
      ).then((r) => r.matches),
    enabled: q.length >= 3,
  });
}
