"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { IDLE } from "@/lib/http/form-state";
import { revealAccountAction } from "./reveal-account-action";

/** Shows the full account number on request; the server records every reveal in the audit log. */
export function RevealAccount({ mandateId, masked }: { mandateId: string; masked: string }) {
  const [state, action, pending] = useActionState(revealAccountAction, IDLE);
  if (state.secret) return <span className="font-mono">{state.secret}</span>;
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <span className="font-mono">{masked}</span>
      <input type="hidden" name="mandateId" value={mandateId} />
      <Button
        type="submit"
        size="sm"
        variant="ghost"
        disabled={pending}
        title="Viewing is recorded in the audit log"
      >
        Show
      </Button>
      {state.status === "error" && <span className="text-sm text-red-600">{state.message}</span>}
    </form>
  );
}
