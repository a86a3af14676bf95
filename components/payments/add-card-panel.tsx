"use client";

// "Add a card" with Stripe's Payment Element in setup mode: the card goes from the browser to
// Stripe and comes back as a confirmed SetupIntent, which `finish` verifies and saves. Against the
// local fake Stripe (tests, offline demo) there is no Stripe.js: `testConfirm` confirms
// server-side with a test card.
import { loadStripe } from "@stripe/stripe-js/pure";
import type { Stripe, StripeElements } from "@stripe/stripe-js";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/http/form-state";

export type CardSetupStart = {
  setupIntentId: string;
  clientSecret: string;
  publishableKey: string;
  testMode: boolean;
};
type SavedCard = { brand: string | null; last4: string | null };
type Finish = (input: { setupIntentId: string }) => Promise<FormState<SavedCard>>;

export function AddCardPanel({
  start,
  finish,
  testConfirm,
}: {
  start: () => Promise<FormState<CardSetupStart>>;
  finish: Finish;
  testConfirm: Finish;
}) {
  const mount = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<
    (CardSetupStart & { stripe?: Stripe; elements?: StripeElements }) | null
  >(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SavedCard | null>(null);

  const outcome = (r: FormState<SavedCard>) => {
    if (r.status !== "ok" || !r.data) return setError(r.message ?? "Your card could not be saved.");
    setSaved(r.data);
    setSession(null);
  };

  async function begin() {
    setBusy(true);
    setError(null);
    setSaved(null);
    const res = await start();
    if (res.status !== "ok" || !res.data) {
      setBusy(false);
      return setError(res.message ?? "The card form could not load.");
    }
    if (res.data.testMode) {
      setSession(res.data);
      return setBusy(false);
    }
    const stripe = await loadStripe(res.data.publishableKey).catch(() => null);
    setBusy(false);
    if (!stripe) return setError("The card form could not load. Try again later.");
    const elements = stripe.elements({ clientSecret: res.data.clientSecret });
    setSession({ ...res.data, stripe, elements });
    setTimeout(() => elements.create("payment").mount(mount.current!), 0);
  }

  async function save() {
    if (!session) return;
    setBusy(true);
    setError(null);
    if (session.testMode) {
      outcome(await testConfirm({ setupIntentId: session.setupIntentId }));
      return setBusy(false);
    }
    const { error: err, setupIntent } = await session.stripe!.confirmSetup({
      elements: session.elements!,
      redirect: "if_required",
      confirmParams: { return_url: window.location.href },
    });
    if (err) {
      setBusy(false);
      return setError(err.message ?? "Your card could not be saved.");
    }
    if (setupIntent?.status === "succeeded")
      outcome(await finish({ setupIntentId: setupIntent.id }));
    setBusy(false);
  }

  return (
    <div className="space-y-3">
      {saved && (
        <Alert tone="success">
          Card {(saved.brand ?? "").toUpperCase()} •••• {saved.last4 ?? ""} saved.
        </Alert>
      )}
      {session && !session.testMode && (
        <div ref={mount} className="min-h-24 rounded-lg bg-white p-3 ring-1 ring-slate-200" />
      )}
      {session?.testMode && (
        <p className="text-sm text-slate-600">
          Test mode: this server talks to a local fake Stripe, so a test card is saved.
        </p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {session ? (
        <Button type="button" onClick={save} disabled={busy}>
          {busy ? "Saving card…" : session.testMode ? "Save test card" : "Save card"}
        </Button>
      ) : (
        <Button type="button" onClick={begin} disabled={busy}>
          {busy ? "Starting…" : "Add a card"}
        </Button>
      )}
    </div>
  );
}
