import { ActionForm } from "@/components/admin/action-form";
import { Field, Input } from "@/components/ui/field";
import { approveArrangementAction } from "./approve-arrangement-action";
import { rejectArrangementAction } from "./reject-arrangement-action";

/** Approve or reject a pending proposal, with a reason (the customer reads a rejection's). */
export function DecisionForms({
  customerId,
  arrangementId,
}: {
  customerId: string;
  arrangementId: string;
}) {
  const ids = (
    <>
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="arrangementId" value={arrangementId} />
    </>
  );
  const field = `reason-${arrangementId}`;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <ActionForm action={approveArrangementAction} submit="Approve" className="space-y-2">
        {ids}
        <Field label="Note (optional)" name={`${field}-approve`}>
          <Input id={`${field}-approve`} name="reason" />
        </Field>
      </ActionForm>
      <ActionForm
        action={rejectArrangementAction}
        submit="Reject"
        variant="danger"
        className="space-y-2"
      >
        {ids}
        <Field label="Reason for the customer" name={`${field}-reject`}>
          <Input id={`${field}-reject`} name="reason" />
        </Field>
      </ActionForm>
    </div>
  );
}
