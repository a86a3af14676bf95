"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { requestDeletionAction } from "./request-deletion-action";

export function DeletionForm() {
  const [state, action] = useActionState(requestDeletionAction, IDLE);
  if (state.status === "ok") return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <Field label="Anything we should know (optional)" name="reason">
        <Textarea name="reason" rows={2} maxLength={1000} />
      </Field>
      <SubmitButton variant="danger" pending="Sending…">
        Request deletion
      </SubmitButton>
    </form>
  );
}
