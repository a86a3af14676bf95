"use client";

// The checkout's state, kept in sessionStorage so a refresh or the back button resumes where
// the visitor was, with the same idempotency key (so the order is still placed once). The
// password is never stored: it lives in memory only.
import { useCallback, useEffect, useState } from "react";
import type { ContractDraft } from "@/lib/orders/checkout-schema";

export type Details = ContractDraft["details"];
export type Payment = ContractDraft["payment"];
export type CheckoutState = {
  key: string;
  step: number;
  planCode: string;
  addonCodes: string[];
  details: Partial<Details>;
  payment: Payment;
};

const STORAGE = "lastmile.checkout";

export function useCheckoutState(initial: () => Omit<CheckoutState, "key" | "step">) {
  const [state, setState] = useState<CheckoutState>(() => ({ key: "", step: 0, ...initial() }));
  useEffect(() => {
    const saved = sessionStorage.getItem(STORAGE);
    const fresh = initial();
    let next: CheckoutState = { key: crypto.randomUUID(), step: 0, ...fresh };
    if (saved) {
      const s = JSON.parse(saved) as CheckoutState;
      // Resume only the same location; a new coverage check starts a new checkout.
      const same =
        s.details.serviceAddress?.lat === fresh.details.serviceAddress?.lat &&
        s.details.serviceAddress?.lng === fresh.details.serviceAddress?.lng;
      if (same) next = { ...s, planCode: fresh.planCode || s.planCode };
    }
    // Restoring after hydration is the point: sessionStorage exists only in the browser, so
    // the server render cannot know it. One extra render, once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (!state.key) return;
    const { password: _password, ...details } = state.details;
    sessionStorage.setItem(STORAGE, JSON.stringify({ ...state, details }));
  }, [state]);
  const update = useCallback(
    (patch: Partial<CheckoutState>) => setState((s) => ({ ...s, ...patch })),
    [],
  );
  const clear = useCallback(() => sessionStorage.removeItem(STORAGE), []);
  return { state, update, clear };
}
