"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormState } from "@/lib/http/form-state";
import type { DunningTemplateKey } from "@/lib/notifications/dunning-templates";
import {
  placeholdersOf,
  renderMessage,
  SAMPLE_VARS,
  unknownPlaceholders,
  type ResolvedTemplate,
} from "@/lib/notifications/templates/template-schema";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** One event's email and SMS wording, each with its live preview and a reset to the default. */
export function TemplateEditor({
  event,
  template,
  overridden,
  action,
}: {
  event: DunningTemplateKey;
  template: ResolvedTemplate;
  overridden: { EMAIL: boolean; SMS: boolean };
  action: Action;
}) {
  const [subject, setSubject] = useState(template.subject);
  const [text, setText] = useState(template.text);
  const [html, setHtml] = useState(template.html ?? "");
  const [sms, setSms] = useState(template.sms);
  const preview = renderMessage({ subject, text, html: html || null, sms }, SAMPLE_VARS);
  const unknown = (v: string) => {
    const u = unknownPlaceholders(event, v);
    return u.length ? `unknown placeholder ${u.map((p) => `{{${p}}}`).join(", ")}` : undefined;
  };
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Placeholders:{" "}
        {placeholdersOf(event).map((p) => (
          <code key={p} className="mr-1 rounded bg-slate-100 px-1 text-xs">{`{{${p}}}`}</code>
        ))}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <ChannelForm action={action} event={event} channel="EMAIL" overridden={overridden.EMAIL}>
          <Field label="Subject" name={`${event}-subject`} error={unknown(subject)}>
            <Input
              id={`${event}-subject`}
              name="subject"
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          </Field>
          <Field label="Text body" name={`${event}-text`} error={unknown(text)}>
            <Textarea
              id={`${event}-text`}
              name="text"
              rows={8}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </Field>
          <Field
            label="HTML body (optional)"
            name={`${event}-html`}
            error={unknown(html)}
            hint="Empty: the text body's paragraphs."
          >
            <Textarea
              id={`${event}-html`}
              name="html"
              rows={3}
              value={html}
              onChange={(e) => setHtml(e.target.value)}
            />
          </Field>
        </ChannelForm>
        <section
          aria-label="Email preview"
          className="space-y-2 rounded-lg p-4 ring-1 ring-slate-200"
        >
          <h3 className="text-sm font-semibold text-slate-900">Preview (sample customer)</h3>
          <p className="text-sm font-medium" data-testid="preview-subject">
            {preview.subject}
          </p>
          <pre className="whitespace-pre-wrap break-words font-sans text-sm text-slate-700">
            {preview.text}
          </pre>
        </section>
        <ChannelForm action={action} event={event} channel="SMS" overridden={overridden.SMS}>
          <Field label="SMS" name={`${event}-sms`} error={unknown(sms)}>
            <Textarea
              id={`${event}-sms`}
              name="text"
              rows={3}
              value={sms}
              onChange={(e) => setSms(e.target.value)}
            />
          </Field>
        </ChannelForm>
        <section
          aria-label="SMS preview"
          className="space-y-2 rounded-lg p-4 ring-1 ring-slate-200"
        >
          <h3 className="text-sm font-semibold text-slate-900">SMS preview</h3>
          <p className="break-words text-sm text-slate-700">{preview.sms}</p>
          <p className="tabular text-xs text-slate-500" data-testid="sms-counter">
            {preview.smsLength} characters · {preview.smsEncoding} · {preview.smsParts} message
            {preview.smsParts === 1 ? "" : "s"}
          </p>
        </section>
      </div>
    </div>
  );
}

function ChannelForm({
  action,
  event,
  channel,
  overridden,
  children,
}: {
  action: Action;
  event: string;
  channel: "EMAIL" | "SMS";
  overridden: boolean;
  children: React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="event" value={event} />
      <input type="hidden" name="channel" value={channel} />
      {children}
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      {state.status === "ok" && state.message && <Alert tone="success">{state.message}</Alert>}
      <div className="flex flex-wrap gap-2">
        <SubmitButton>Save {channel === "EMAIL" ? "email" : "SMS"}</SubmitButton>
        {overridden && (
          <SubmitButton variant="secondary" name="reset" value="true">
            Reset to default
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
