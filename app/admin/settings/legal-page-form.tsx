"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Textarea, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { updateLegalPageAction } from "./update-legal-page-action";

/** One legal page (terms or privacy): title and plain text, published at /{slug}. */
export function LegalPageForm(props: { slug: string; title: string; body: string }) {
  const [state, action] = useActionState(updateLegalPageAction, IDLE);
  const f = state.fields ?? {};
  const id = (k: string) => `${props.slug}-${k}`;
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      <input type="hidden" name="slug" value={props.slug} />
      <Field label="Title" name={id("title")} error={f.title}>
        <Input
          id={id("title")}
          name="title"
          defaultValue={state.values?.title ?? props.title}
          {...errorProps(id("title"), f.title)}
        />
      </Field>
      <Field
        label="Text"
        name={id("body")}
        error={f.body}
        hint='A blank line starts a paragraph; a line starting with "# " is a heading.'
      >
        <Textarea
          id={id("body")}
          name="body"
          rows={10}
          defaultValue={state.values?.body ?? props.body}
          {...errorProps(id("body"), f.body)}
        />
      </Field>
      <SubmitButton pending="Saving…">Save</SubmitButton>
    </form>
  );
}
