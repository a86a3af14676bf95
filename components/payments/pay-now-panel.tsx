"use client";

// Pays with Stripe's Payment Element (card, and whatever other methods the ISP enabled): the card
// goes from the browser to Stripe, never to our server. `start` creates the attempt on our side
// and returns the intent's client secret; after Stripe confirms, `finish` records the outcome
// (the webhook would too — either way it becomes one payment). Against the local fake Stripe
// (tests, offline demo) there is no Stripe.js: `testConfirm` confirms server-side with a test card.
import { loadStripe } from "@stripe/stripe-js/pure";
import type { Stripe, StripeElements } from "@stripe/stripe-js";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/http/form-state";

export type PayStart = {
  paymentId: string;
  clientSecret: string;
  publishableKey: string;
  testMode: boolean;
};
type Settled = { result: string; reason?: string };

export function PayNowPanel({
  label,
  start,
  finish,
  testConfirm,
}: {
  label: string;
  start: () => Promise<FormState<PayStart>>;
  finish: (input: { intentId: string }) => Promise<FormState<Settled>>;
  testConfirm: (input: { paymentId: string }) => Promise<FormState<Settled>>;
}) {
  const mount = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<
    (PayStart & { stripe?: Stripe; elements?: StripeElements }) | null
  >(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const outcome = (r: FormState<Settled>) => {
    if (r.status !== "ok") return setError(r.message ?? "The payment could not be completed.");
    if (r.data?.result === "failed")
      return setError(
        `Your payment was declined (${r.data.reason ?? "declined"}). Try another card.`,
      );
    setDone(true);
  };

  async function begin() {
    setBusy(true);
    setError(null);
    const res = await start();
    if (res.status !== "ok" || !res.data) {
      setBusy(false);
      return setError(res.message ?? "The payment could not start.");
    }
    if (res.data.testMode) {
      setSession(res.data);
      return setBusy(false);
    }
    const stripe = await loadStripe(res.data.publishableKey).catch(() => null);
    setBusy(false);
    if (!stripe) return setError("The payment form could not load. Try again later.");
    const elements = stripe.elements({ clientSecret: res.data.clientSecret });
    setSession({ ...res.data, stripe, elements });
    setTimeout(() => elements.create("payment").mount(mount.current!), 0);
  }

  async function pay() {
    if (!session) return;
    setBusy(true);
    setError(null);
    if (session.testMode) {
      outcome(await testConfirm({ paymentId: session.paymentId }));
      return setBusy(false);
    }
    const { error: err, paymentIntent } = await session.stripe!.confirmPayment({
      elements: session.elements!,
      redirect: "if_required",
      confirmParams: { return_url: window.location.href },
    });
    if (err) {
      setBusy(false);
      return setError(err.message ?? "Your payment could not be completed.");
    }
    if (paymentIntent) outcome(await finish({ intentId: paymentIntent.id }));
    setBusy(false);
  }

  if (done)
    return (
      <Alert tone="success">
        Thank you — your payment was received. A receipt is on its way by email.
      </Alert>
    );
  return (
    <div className="space-y-3">
      {session && !session.testMode && (
        <div ref={mount} className="min-h-24 rounded-lg bg-white p-3 ring-1 ring-slate-200" />
      )}
      {session?.testMode && (
        <p className="text-sm text-slate-600">
          Test mode: this server talks to a local fake Stripe, so a test card pays.
        </p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {session ? (
        <Button type="button" onClick={pay} disabled={busy}>
          {busy ? "Paying…" : session.testMode ? `${label} with test card` : label}
        </Button>
      ) : (
        <Button type="button" onClick={begin} disabled={busy}>
          {busy ? "Starting…" : label}
        </Button>
      )}
    </div>
  );
}
