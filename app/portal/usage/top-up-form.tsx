"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { buyTopUpAction } from "./buy-top-up-action";

/** "Buy 10 GB for R 49.00": adds the data at once and opens the invoice to pay it. */
export function TopUpForm({ subscriptionId, label }: { subscriptionId: string; label: string }) {
  const [state, action] = useActionState(buyTopUpAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <SubmitButton pending="Adding…">{label}</SubmitButton>
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
    </form>
  );
}
