import { ActionForm } from "@/components/admin/action-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { Actor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format/dates";
import { listServiceRequests } from "@/lib/orders/service-requests/list-service-requests";
import { cancelServiceRequestAction } from "../services/requests/cancel-service-request-action";
import { sendSigningLinkAction } from "../services/requests/send-signing-link-action";

/** Services staff set up that wait for the customer's signature: sign here, email, or cancel. */
export async function ServiceRequestsCard({
  actor,
  customerId,
  brand,
}: {
  actor: Actor;
  customerId: string;
  brand: { locale: string; timeZone: string };
}) {
  const requests = await listServiceRequests({ actor, customerId });
  if (!requests.length) return null;
  const write = can(actor, "orders:write");
  return (
    <Card>
      <CardHeader
        title="Waiting for signature"
        description="Nothing is ordered or billed until the customer signs."
      />
      <ul className="divide-y divide-slate-100 text-sm">
        {requests.map((r) => (
          <li key={r.id} className="space-y-3 px-5 py-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium text-slate-900">{r.planName}</p>
              <p className="text-slate-500">
                Starts {formatDate(r.startDate, brand.locale)} · sign by{" "}
                <DateTime value={r.signBy} locale={brand.locale} timeZone={brand.timeZone} />
              </p>
            </div>
            <p className="text-slate-600">
              Set up by {r.createdBy?.name ?? "staff"} ·{" "}
              {r.linkSent ? "signing link emailed" : "to sign in person"}
              {r.cardLink && " · card link follows the signature"}
            </p>
            {write && (
              <div className="flex flex-wrap items-start gap-2">
                <ButtonLink size="sm" href={`/admin/orders/requests/${r.id}/sign`}>
                  Sign here
                </ButtonLink>
                <ActionForm
                  action={sendSigningLinkAction}
                  submit={r.linkSent ? "Email the link again" : "Email a signing link"}
                  pending="Sending…"
                  variant="secondary"
                  className="space-y-2"
                >
                  <input type="hidden" name="requestId" value={r.id} />
                </ActionForm>
                <ActionForm
                  action={cancelServiceRequestAction}
                  submit="Cancel"
                  pending="Cancelling…"
                  variant="danger"
                  className="space-y-2"
                >
                  <input type="hidden" name="requestId" value={r.id} />
                </ActionForm>
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
