import { Alert } from "@/components/ui/alert";

/** Tells staff why the storefront offers no card option, and how to turn it on. */
export function CardPaymentsNotice({ enabled }: { enabled: boolean }) {
  if (enabled) return null;
  return (
    <Alert tone="info" className="mb-6">
      <strong className="font-semibold">Card payments are off.</strong> The sign-up page offers
      debit order and EFT only, because no Stripe keys are configured. Set{" "}
      <code className="font-mono">STRIPE_SECRET_KEY</code>,{" "}
      <code className="font-mono">STRIPE_PUBLISHABLE_KEY</code> and{" "}
      <code className="font-mono">STRIPE_WEBHOOK_SECRET</code> in the environment and restart to let
      customers save a card at checkout.
    </Alert>
  );
}
