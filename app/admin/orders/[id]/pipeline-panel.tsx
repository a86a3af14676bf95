import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { activateAction } from "./activate-action";
import { assignAction } from "./assign-action";
import { cancelAction } from "./cancel-action";
import { scheduleAction } from "./schedule-action";
import { TimezoneField } from "./timezone-field";
import { roleLabel } from "@/lib/format/labels";
import { statusLabel } from "@/lib/format/status";

type Props = {
  orderId: string;
  status: string;
  assignedToId: string | null;
  assignees: { id: string; name: string; role: string }[];
  today: string;
  canWrite: boolean;
  canActivate: boolean;
  /** Why the order cannot be activated yet (unverified feasibility, held for an account holder). */
  activationBlocked: string | null;
};

/** Assignment, booking, activation and cancellation, each shown only to roles that may do it. */
export function PipelinePanel({
  orderId,
  status,
  assignedToId,
  assignees,
  today,
  canWrite,
  canActivate,
  activationBlocked,
}: Props) {
  const open = status === "NEW" || status === "SCHEDULED";
  const id = <input type="hidden" name="orderId" value={orderId} />;
  return (
    <Card>
      <CardHeader title="Pipeline" />
      <CardBody className="space-y-6">
        {canWrite && (
          <ActionForm action={assignAction} submit="Assign" variant="secondary">
            {id}
            <Field label="Assigned to" name="userId">
              <Select name="userId" defaultValue={assignedToId ?? ""}>
                <option value="">Nobody</option>
                {assignees.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({roleLabel(u.role).toLowerCase()})
                  </option>
                ))}
              </Select>
            </Field>
          </ActionForm>
        )}
        {open && (canWrite || canActivate) && (
          <ActionForm action={scheduleAction} submit="Book installation" variant="secondary">
            {id}
            <TimezoneField />
            <Field label="Installation date and time" name="scheduledFor">
              <Input name="scheduledFor" type="datetime-local" required />
            </Field>
          </ActionForm>
        )}
        {open && canActivate && activationBlocked && (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            Not ready to activate: {activationBlocked}
          </p>
        )}
        {open && canActivate && !activationBlocked && (
          <ActionForm action={activateAction} submit="Activate service" pending="Activating…">
            {id}
            <Field label="Activation date" name="startDate" hint="Billing starts on this date">
              <Input name="startDate" type="date" defaultValue={today} required />
            </Field>
          </ActionForm>
        )}
        {open && canWrite && (
          <ActionForm
            action={cancelAction}
            submit="Cancel order"
            variant="danger"
            pending="Cancelling…"
          >
            {id}
            <Field label="Reason for cancelling" name="reason">
              <Textarea name="reason" rows={2} />
            </Field>
          </ActionForm>
        )}
        {!open && (
          <p className="text-sm text-slate-500">
            This order is {statusLabel("order", status).toLowerCase()}; nothing more to do here.
          </p>
        )}
      </CardBody>
    </Card>
  );
}
