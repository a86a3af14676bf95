import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import { getBranding } from "@/lib/settings/get-branding";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { deleteWebhookEndpointAction } from "./delete-webhook-endpoint-action";
import { retryWebhookDeliveryAction } from "./retry-webhook-delivery-action";
import { setWebhookEndpointActiveAction } from "./set-webhook-endpoint-active-action";

export const metadata = { title: "Webhook endpoint" };

const TONE: Record<string, Tone> = { PENDING: "amber", SUCCEEDED: "green", FAILED: "red" };
const LABEL: Record<string, string> = {
  PENDING: "retrying",
  SUCCEEDED: "delivered",
  FAILED: "gave up",
};

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ after?: string }>;
}) {
  const actor = await requirePermission("webhooks:write", "/admin/webhooks");
  const { id } = await params;
  const { after } = await searchParams;
  const [{ endpoint, deliveries, nextCursor }, brand] = await Promise.all([
    getWebhookEndpoint({ actor, endpointId: id, after }).catch((e) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    getBranding(),
  ]);
  const when = (d: Date | null) => (
    <DateTime value={d} locale={brand.locale} timeZone={brand.timeZone} />
  );
  return (
    <>
      <Link href="/admin/webhooks" className="text-sm font-medium text-brand-700 hover:underline">
        ← Webhooks
      </Link>
      <PageHeader
        title="Webhook endpoint"
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={endpoint.active ? "green" : "gray"}>
              {endpoint.active ? "active" : "paused"}
            </Badge>
            <span className="break-all font-mono">{endpoint.url}</span>
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Deliveries" description="Newest first: each event and its last try." />
          {deliveries.length === 0 ? (
            <EmptyState title="Nothing sent yet">Events appear here as they happen.</EmptyState>
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Event</Th>
                  <Th>State</Th>
                  <Th numeric>Tries</Th>
                  <Th>Last try</Th>
                  <Th>Answer</Th>
                  <Th />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {deliveries.map((d) => (
                  <tr key={d.id}>
                    <Td>
                      <span className="font-mono text-xs text-slate-900">{d.eventType}</span>
                      <span className="block font-mono text-xs text-slate-500">{d.eventId}</span>
                    </Td>
                    <Td>
                      <Badge tone={TONE[d.status]}>{LABEL[d.status]}</Badge>
                      {d.status === "PENDING" && d.attempts > 0 && (
                        <span className="block text-xs text-slate-500">
                          next {when(d.nextAttemptAt)}
                        </span>
                      )}
                    </Td>
                    <Td numeric>{d.attempts}</Td>
                    <Td>{when(d.lastAttemptAt)}</Td>
                    <Td className="max-w-56 truncate">
                      {d.lastStatusCode ? (
                        <span className="tabular">{d.lastStatusCode}</span>
                      ) : null}
                      {d.lastError && (
                        <span className="block truncate text-xs text-red-700" title={d.lastError}>
                          {d.lastError}
                        </span>
                      )}
                    </Td>
                    <Td>
                      {d.status !== "PENDING" && (
                        <ActionForm
                          action={retryWebhookDeliveryAction}
                          submit="Send again"
                          pending="Queuing…"
                          variant="secondary"
                          className="space-y-1"
                        >
                          <input type="hidden" name="deliveryId" value={d.id} />
                          <input type="hidden" name="endpointId" value={endpoint.id} />
                        </ActionForm>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {nextCursor && (
            <Link
              className="block px-5 py-3 text-right text-sm font-medium text-brand-700 hover:underline"
              href={`/admin/webhooks/${endpoint.id}?after=${encodeURIComponent(nextCursor)}`}
            >
              Older deliveries →
            </Link>
          )}
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Subscribed events" />
            <CardBody>
              <ul className="space-y-1 font-mono text-sm">
                {endpoint.events.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
              {endpoint.description && (
                <p className="mt-3 text-sm text-slate-600">{endpoint.description}</p>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title={endpoint.active ? "Pause" : "Resume"}
              description={
                endpoint.active
                  ? "While paused, events are not sent; waiting ones go out when resumed."
                  : "Send waiting events and new ones again."
              }
            />
            <CardBody>
              <ActionForm
                action={setWebhookEndpointActiveAction}
                submit={endpoint.active ? "Pause endpoint" : "Resume endpoint"}
                variant="secondary"
              >
                <input type="hidden" name="endpointId" value={endpoint.id} />
                <input type="hidden" name="active" value={endpoint.active ? "false" : "true"} />
              </ActionForm>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Delete" description="Removes the endpoint and its delivery log." />
            <CardBody>
              <ActionForm
                action={deleteWebhookEndpointAction}
                submit="Delete endpoint"
                variant="danger"
              >
                <input type="hidden" name="endpointId" value={endpoint.id} />
              </ActionForm>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
