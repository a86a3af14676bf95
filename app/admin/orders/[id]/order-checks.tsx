import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, Textarea } from "@/components/ui/field";
import type { OrderFeasibility, Role } from "@/lib/generated/prisma/enums";
import { statusLabel } from "@/lib/format/status";
import { confirmFeasibilityAction } from "./confirm-feasibility-action";

type Props = {
  orderId: string;
  open: boolean;
  feasibility: OrderFeasibility | null;
  note: string | null;
  typedAddress: string;
  position: { lat: number; lng: number } | null;
  heldFor: { name: string; role: Role; customerId: string | null } | null;
  email: string;
  canConfirm: boolean;
};

/**
 * What a person must settle before activation, shown above everything else: an address the
 * server could not place in coverage, and an order waiting for the holder of its email address.
 */
export function OrderChecks(p: Props) {
  const unverified = p.feasibility === "UNVERIFIED";
  const held = Boolean(p.heldFor && p.open);
  if (!unverified && !held) return null;
  return (
    <div className={cn("mb-6 grid gap-4", unverified && held && "lg:grid-cols-2")}>
      {unverified && (
        <Card className="border-l-4 border-red-600">
          <CardHeader
            title={statusLabel("orderFeasibility", "UNVERIFIED")}
            description="The server could not place the typed address in coverage. Check it before activating."
          />
          <CardBody className="space-y-3 text-sm">
            <p>
              <span className="text-slate-500">Typed address</span>
              <br />
              <span className="font-medium">{p.typedAddress}</span>
            </p>
            {p.position && (
              <p>
                <span className="text-slate-500">Map position sent by the browser</span>
                <br />
                <span className="tabular font-mono">
                  {p.position.lat.toFixed(5)}, {p.position.lng.toFixed(5)}
                </span>
              </p>
            )}
            {p.note && <p className="rounded-md bg-red-50 p-3 text-red-800">{p.note}</p>}
            {p.open && p.canConfirm && (
              <ActionForm
                action={confirmFeasibilityAction}
                submit="Confirm feasibility"
                pending="Confirming…"
              >
                <input type="hidden" name="orderId" value={p.orderId} />
                <Field
                  label="How you confirmed it"
                  name="note"
                  hint="Site survey, map check, call with the customer; kept in the notes and audit log"
                >
                  <Textarea name="note" rows={2} required />
                </Field>
              </ActionForm>
            )}
          </CardBody>
        </Card>
      )}
      {held && p.heldFor && (
        <Card className="border-l-4 border-amber-500">
          <CardHeader
            title={statusLabel("orderHold", "HELD")}
            description="The checkout used the email address of an existing sign-in."
          />
          <CardBody className="space-y-3 text-sm">
            <p>
              {p.email} belongs to{" "}
              {p.heldFor.customerId ? (
                <Link
                  href={`/admin/customers/${p.heldFor.customerId}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {p.heldFor.name}
                </Link>
              ) : (
                <span className="font-medium">
                  {p.heldFor.name} (staff, {p.heldFor.role.toLowerCase()})
                </span>
              )}
              . They were emailed to sign in and confirm the order; it joins their account only
              then, and cannot be activated before.
            </p>
            <p className="text-slate-500">
              If they decline it, it is cancelled. If they do not answer, cancel it below.
            </p>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
