"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormState } from "@/lib/http/form-state";

/** A small form around one server action, showing its success or error message in place. */
export function ActionForm({
  action,
  children,
  submit,
  pending,
  variant,
  className,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  children?: React.ReactNode;
  submit: string;
  pending?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={className ?? "space-y-3"} noValidate>
      {children}
      {state.status === "error" && (
        <Alert tone="error">
          {state.message}
          {state.fields && Object.values(state.fields).length
            ? `: ${Object.values(state.fields).join(", ")}`
            : ""}
        </Alert>
      )}
      {state.status === "ok" && state.message && <Alert tone="success">{state.message}</Alert>}
      <SubmitButton variant={variant} pending={pending}>
        {submit}
      </SubmitButton>
    </form>
  );
}
