"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { runJobAction } from "./run-job-action";

export function RunNowButton({ name }: { name: string }) {
  const [state, action] = useActionState(runJobAction, IDLE);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="name" value={name} />
      <SubmitButton variant="secondary" size="sm" pending="Running…" aria-label={`Run ${name} now`}>
        Run now
      </SubmitButton>
      {state.status !== "idle" && (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={
            state.status === "error"
              ? "max-w-xs text-right text-xs text-red-600"
              : "max-w-xs break-words text-right text-xs text-slate-600"
          }
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
