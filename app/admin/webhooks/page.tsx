import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { CreateWebhookEndpointForm } from "./create-webhook-endpoint-form";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requirePermission("webhooks:write", "/admin/webhooks");
  const endpoints = await listWebhookEndpoints({ actor });
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Your systems hear about payments as they happen: signed POSTs to your URLs, retried for up to three days."
      />
      <Card className="mb-6">
        <CardHeader title="Endpoints" />
        {endpoints.length === 0 ? (
          <EmptyState title="No endpoints yet">Add one below.</EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>URL</Th>
                <Th>Events</Th>
                <Th>State</Th>
                <Th numeric>Delivered</Th>
                <Th numeric>Waiting</Th>
                <Th numeric>Failed</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {endpoints.map((e) => (
                <tr key={e.id} className="hover:bg-slate-50">
                  <Td className="max-w-80 truncate">
                    <Link
                      className="font-mono text-xs font-semibold text-brand-700 hover:underline"
                      href={`/admin/webhooks/${e.id}`}
                    >
                      {e.url}
                    </Link>
                    {e.description && (
                      <span className="block text-xs text-slate-500">{e.description}</span>
                    )}
                  </Td>
                  <Td className="whitespace-normal font-mono text-xs">{e.events.join(", ")}</Td>
                  <Td>
                    <Badge tone={e.active ? "green" : "gray"}>
                      {e.active ? "active" : "paused"}
                    </Badge>
                  </Td>
                  <Td numeric>{e.delivered}</Td>
                  <Td numeric>{e.pending}</Td>
                  <Td numeric className={e.failed ? "text-red-700" : undefined}>
                    {e.failed}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card>
        <CardHeader
          title="Add an endpoint"
          description="Each event is a JSON POST { id, type, created, data: { object } } with the header Lastmile-Signature: t=<unix time>,v1=<HMAC-SHA256 of “t.body” with the secret>."
        />
        <CardBody>
          <CreateWebhookEndpointForm />
        </CardBody>
      </Card>
    </>
  );
}
