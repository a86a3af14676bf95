"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormState } from "@/lib/http/form-state";
import {
  finalizeInvoiceAction,
  issueCreditNoteAction,
  voidInvoiceAction,
} from "./invoice-actions-actions";

const Message = ({ state }: { state: FormState }) =>
  state.status === "ok" ? (
    <Alert tone="success">{state.message}</Alert>
  ) : state.status === "error" ? (
    <Alert tone="error">{state.message}</Alert>
  ) : null;

export function InvoiceActions(props: {
  invoiceId: string;
  status: string;
  creditable: number;
  canVoid: boolean;
  currency: string;
}) {
  const [credit, creditAction] = useActionState(issueCreditNoteAction, IDLE);
  const [voided, voidAction] = useActionState(voidInvoiceAction, IDLE);
  const [final, finalAction] = useActionState(finalizeInvoiceAction, IDLE);
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency: props.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
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
      {props.creditable > 0 && props.status !== "VOID" && (
        <Card>
          <CardHeader
            title="Credit note"
            description={`Up to ${(props.creditable / 10 ** digits).toFixed(digits)} ${props.currency} can still be credited.`}
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
                <Input name="reason" required />
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
