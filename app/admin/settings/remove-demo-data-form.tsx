"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { plural } from "@/lib/format/plural";
import { IDLE } from "@/lib/http/form-state";
import { removeDemoDataAction } from "./remove-demo-data-action";

export function RemoveDemoDataForm({ customers, locale }: { customers: number; locale: string }) {
  const [state, action] = useActionState(removeDemoDataAction, IDLE);
  const error = state.fields?.confirm;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" && !error && <Alert tone="error">{state.message}</Alert>}
      <p className="text-sm text-slate-600">
        Deletes the {plural(customers, "demo customer", "demo customers", locale)} with their
        services, orders, contracts, invoices, payments and messages, and the demo staff logins.
        Plans, coverage areas and these settings stay for you to edit. This cannot be undone.
      </p>
      <div className="flex flex-wrap items-start gap-3">
        <Field label="Type REMOVE to confirm" name="confirm" error={error} className="w-60">
          <Input name="confirm" autoComplete="off" {...errorProps("confirm", error)} />
        </Field>
        <SubmitButton variant="danger" className="sm:mt-6" pending="Removing…">
          Remove demo data
        </SubmitButton>
      </div>
    </form>
  );
}
