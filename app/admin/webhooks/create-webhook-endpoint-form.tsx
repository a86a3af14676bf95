"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { CopyField } from "../api-keys/copy-field";
import { createWebhookEndpointAction } from "./create-webhook-endpoint-action";

export function CreateWebhookEndpointForm() {
  const [state, action] = useActionState(createWebhookEndpointAction, IDLE);
  const f = state.fields ?? {};
  const v = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={action} className="space-y-4" noValidate key={state.secret}>
      {state.status === "ok" && state.secret && (
        <Alert tone="success">
          <p className="font-medium">{state.message}</p>
          <p className="mt-1">
            Its signing secret, shown only this once: verify the <code>Lastmile-Signature</code>{" "}
            header with it.
          </p>
          <CopyField value={state.secret} />
        </Alert>
      )}
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="URL" name="url" error={f.url}>
          <Input
            name="url"
            type="url"
            placeholder="https://example.com/hooks/lastmile"
            defaultValue={v.url}
            {...errorProps("url", f.url)}
          />
        </Field>
        <Field label="Description" name="description" error={f.description}>
          <Input
            name="description"
            placeholder="What receives it, e.g. accounting sync"
            defaultValue={v.description}
          />
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        {f.events && (
          <p id="events-error" className="mt-1 text-sm text-red-600">
            {f.events}
          </p>
        )}
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((e) => (
            <label key={e} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="events"
                value={e}
                defaultChecked={e === "payment.succeeded"}
                className="mt-0.5 accent-brand-700"
              />
              <span>
                <span className="font-mono text-slate-900">{e}</span>
                <span className="block text-slate-500">{WEBHOOK_EVENT_DESCRIPTIONS[e]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pending="Adding…">Add endpoint</SubmitButton>
    </form>
  );
}
