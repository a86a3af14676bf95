"use client";

import { useQuery } from "@tanstack/react-query";
import type { getBillingRun } from "@/lib/billing/list-billing-runs";

export type BillingRunView = Awaited<ReturnType<typeof getBillingRun>>;

/** Polls a run every second while it is running. */
export function useBillingRun(initial: BillingRunView) {
  return useQuery({
    queryKey: ["billing-run", initial.id],
    initialData: initial,
    queryFn: async (): Promise<BillingRunView> => {
      const res = await fetch(`/admin/billing/runs/${initial.id}/status`, { cache: "no-store" });
      if (!res.ok) throw new Error(`status ${res.status}`);
      return res.json();
    },
    refetchInterval: (q) =>
      q.state.data?.status === "RUNNING" && !q.state.data.interrupted ? 1000 : false,
  });
}
