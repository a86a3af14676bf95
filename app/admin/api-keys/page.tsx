import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { roleLabel } from "@/lib/format/labels";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { getBranding } from "@/lib/settings/get-branding";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeButton } from "./revoke-button";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const actor = await requirePermission("api_keys:write", "/admin/api-keys");
  const [keys, brand] = await Promise.all([listApiKeys({ actor }), getBranding()]);
  const when = (d: Date | null) => (
    <DateTime value={d} locale={brand.locale} timeZone={brand.timeZone} />
  );
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let other systems use the{" "}
            <a className="text-brand-700 hover:underline" href="/api/v1/openapi.json">
              REST API
            </a>{" "}
            with the rights of a role. Send one as{" "}
            <code className="text-xs">Authorization: Bearer &lt;key&gt;</code>.
          </>
        }
      />
      <Card className="mb-6">
        <CardHeader title="New key" />
        <CardBody>
          <CreateApiKeyForm />
        </CardBody>
      </Card>
      <Card>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">
            Create one above, or on the server with{" "}
            <code>npm run apikey:create -- --role ADMIN --name ci</code>.
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Name</Th>
                <Th>Key starts</Th>
                <Th>Role</Th>
                <Th>Last used</Th>
                <Th>Created</Th>
                <Th>By</Th>
                <Th />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "text-slate-400" : undefined}>
                  <Td className="font-medium text-slate-900">{k.name}</Td>
                  <Td>
                    <code className="text-xs">{k.prefix}…</code>
                  </Td>
                  <Td>
                    <Badge tone={k.role === "ADMIN" ? "amber" : "gray"}>{roleLabel(k.role)}</Badge>
                  </Td>
                  <Td>
                    {k.lastUsedAt ? (
                      when(k.lastUsedAt)
                    ) : (
                      <span className="text-slate-400">Never</span>
                    )}
                  </Td>
                  <Td>{when(k.createdAt)}</Td>
                  <Td>
                    {k.createdBy?.name ?? <span className="text-slate-400">command line</span>}
                  </Td>
                  <Td className="text-right">
                    {k.revokedAt ? (
                      <StatusBadge kind="apiKey" status="REVOKED" />
                    ) : (
                      <RevokeButton id={k.id} name={k.name} />
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
