"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { revokeApiKeyAction } from "./revoke-api-key-action";

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(revokeApiKeyAction, IDLE);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Revoke “${name}”? Anything using it stops working at once.`))
          e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" size="sm" pending="Revoking…">
        Revoke
      </SubmitButton>
      {state.status === "error" && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {state.message}
        </p>
      )}
    </form>
  );
}
