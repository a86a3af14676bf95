"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormState } from "@/lib/http/form-state";
import { finalizeInvoiceAction } from "./finalize-invoice-action";
import { issueCreditNoteAction } from "./issue-credit-note-action";
import { voidInvoiceAction } from "./void-invoice-action";

const Message = ({ state }: { state: FormState }) =>
  state.status === "ok" ? (
    <Alert tone="success">{state.message}</Alert>
  ) : state.status === "error" ? (
    <Alert tone="error">{state.message}</Alert>
  ) : null;

export function InvoiceActions(props: {
  invoiceId: string;
  status: string;
  /** What can still be credited, formatted for people by the page. */
  creditable: string | null;
  canVoid: boolean;
}) {
  const [credit, creditAction] = useActionState(issueCreditNoteAction, IDLE);
  const [voided, voidAction] = useActionState(voidInvoiceAction, IDLE);
  const [final, finalAction] = useActionState(finalizeInvoiceAction, IDLE);
  const cf = credit.fields ?? {};
  if (props.status === "DRAFT") {
    return (
      <Card>
        <CardHeader
          title="Draft"
          description="Held for review; it gets its number when finalised."
        />
        <CardBody>
          <form action={finalAction} className="space-y-3">
            <Message state={final} />
            <input type="hidden" name="invoiceId" value={props.invoiceId} />
            <SubmitButton pending="Finalising…">Finalise now</SubmitButton>
          </form>
        </CardBody>
      </Card>
    );
  }
  return (
    <>
      {props.creditable && props.status !== "VOID" && (
        <Card>
          <CardHeader
            title="Credit note"
            description={`Up to ${props.creditable} can still be credited.`}
          />
          <CardBody>
            <form action={creditAction} className="space-y-3" noValidate>
              <Message state={credit} />
              <input type="hidden" name="invoiceId" value={props.invoiceId} />
              <Field label="Amount (tax included)" name="amount" error={cf.amount}>
                <Input
                  name="amount"
                  inputMode="decimal"
                  className="tabular text-right"
                  defaultValue={credit.status === "error" ? credit.values?.amount : ""}
                  {...errorProps("amount", cf.amount)}
                />
              </Field>
              <Field label="Reason" name="reason" error={cf.reason}>
                <Input
                  name="reason"
                  defaultValue={credit.status === "error" ? credit.values?.reason : ""}
                  placeholder="e.g. outage 3–5 May"
                  {...errorProps("reason", cf.reason)}
                />
              </Field>
              <SubmitButton pending="Issuing…">Issue credit note</SubmitButton>
            </form>
          </CardBody>
        </Card>
      )}
      {props.canVoid && (
        <Card>
          <CardHeader
            title="Void"
            description="Cancels this unpaid invoice; its number stays used."
          />
          <CardBody>
            <form action={voidAction} className="space-y-3" noValidate>
              <Message state={voided} />
              <input type="hidden" name="invoiceId" value={props.invoiceId} />
              <Field label="Reason" name="reason" error={voided.fields?.reason}>
                <Input
                  name="reason"
                  required
                  defaultValue={voided.status === "error" ? voided.values?.reason : ""}
                  {...errorProps("reason", voided.fields?.reason)}
                />
              </Field>
              <SubmitButton variant="danger" pending="Voiding…">
                Void invoice
              </SubmitButton>
            </form>
          </CardBody>
        </Card>
      )}
    </>
  );
}
