"use client";

// Stripe's Payment Element in setup mode: the card goes straight from the browser to Stripe
// and comes back as a SetupIntent id. Our server never sees a card number.
// The /pure entry loads Stripe.js only when loadStripe is called (the plain entry injects it on
// import), so the order page fetches nothing from Stripe unless a card is being added.
import { loadStripe } from "@stripe/stripe-js/pure";
import type { Stripe, StripeElements } from "@stripe/stripe-js";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createSetupIntentAction } from "./create-setup-intent-action";

export function CardSetup({
  checkoutKey,
  setupIntentId,
  onSaved,
}: {
  checkoutKey: string;
  setupIntentId?: string;
  onSaved: (id: string) => void;
}) {
  const mount = useRef<HTMLDivElement>(null);
  const stripe = useRef<{ stripe: Stripe; elements: StripeElements; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (setupIntentId) return;
    let cancelled = false;
    (async () => {
      const res = await createSetupIntentAction({ checkoutKey });
      if (res.status !== "ok" || !res.data)
        return setError(res.message ?? "The card form could not load.");
      const intent = res.data;
      const s = await loadStripe(intent.publishableKey).catch(() => null);
      if (!s || cancelled)
        return setError(
          s
            ? null
            : "The card form could not load. Choose another payment method or try again later.",
        );
      const elements = s.elements({ clientSecret: intent.clientSecret });
      elements.create("payment").mount(mount.current!);
      stripe.current = { stripe: s, elements, secret: intent.clientSecret };
    })();
    return () => {
      cancelled = true;
    };
  }, [checkoutKey, setupIntentId]);

  async function save() {
    if (!stripe.current) return;
    setBusy(true);
    setError(null);
    const { error: err, setupIntent } = await stripe.current.stripe.confirmSetup({
      elements: stripe.current.elements,
      redirect: "if_required",
      confirmParams: { return_url: window.location.href },
    });
    setBusy(false);
    if (err) return setError(err.message ?? "Your card could not be saved.");
    if (setupIntent?.status === "succeeded") onSaved(setupIntent.id);
  }

  if (setupIntentId)
    return (
      <Alert tone="success">
        Card saved with Stripe. It will be charged only for your invoices.
      </Alert>
    );
  return (
    <div className="space-y-3">
      <div ref={mount} className="min-h-24 rounded-lg bg-white p-3 ring-1 ring-slate-200" />
      {error && <Alert tone="error">{error}</Alert>}
      <Button type="button" onClick={save} disabled={busy}>
        {busy ? "Saving card…" : "Save card"}
      </Button>
    </div>
  );
}
