import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Field, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { auditFilterSchema } from "@/lib/audit/audit-filter-schema";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { getBranding } from "@/lib/settings/get-branding";
import { actorTypeLabel, actorTypeTone } from "@/lib/format/labels";
import { AuditData } from "./audit-data";

export const metadata = { title: "Audit log" };

const ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.password_reset",
  "auth.password_reset_requested",
  "customer.update",
  "user.create",
  "user.role_change",
  "user.deactivate",
  "api_key.create",
  "api_key.revoke",
  "api.request",
  "settings.update",
  "demo.remove",
  "mail.view",
  "setup.complete",
];

type Search = { action?: string; customer?: string; from?: string; to?: string; before?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission("audit:read", "/admin/audit");
  const sp = await searchParams;
  const parsed = auditFilterSchema.safeParse(sp);
  const brand = await getBranding();
  const result = parsed.success ? await listAuditLog({ actor, ...sp }) : null;
  const filters = Object.fromEntries(
    Object.entries({ action: sp.action, customer: sp.customer, from: sp.from, to: sp.to }).filter(
      (e): e is [string, string] => Boolean(e[1]),
    ),
  );
  const filtered = Object.keys(filters).length > 0;
  const older = result?.nextCursor
    ? `/admin/audit?${new URLSearchParams({ ...filters, before: result.nextCursor })}`
    : null;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Sign-ins, changes to customer data, role changes, API key use and settings, newest first."
      />
      <Card className="mb-4 p-4">
        <form className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_10rem_auto]">
          <Field label="Action" name="action">
            <Input
              name="action"
              defaultValue={sp.action}
              list="audit-actions"
              placeholder="e.g. customer."
            />
          </Field>
          <datalist id="audit-actions">
            {ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <Field label="Customer" name="customer">
            <Input name="customer" defaultValue={sp.customer} placeholder="Account number" />
          </Field>
          <Field label="From" name="from">
            <Input name="from" type="date" defaultValue={sp.from} />
          </Field>
          <Field label="To" name="to">
            <Input name="to" type="date" defaultValue={sp.to} />
          </Field>
          <div className="flex gap-2">
            <Button type="submit">Filter</Button>
            {filtered && (
              <ButtonLink href="/admin/audit" variant="ghost">
                Clear
              </ButtonLink>
            )}
          </div>
        </form>
      </Card>
      {!parsed.success && (
        <Alert tone="error" className="mb-4">
          Those filters are not valid:{" "}
          {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </Alert>
      )}
      {result?.customerNotFound && (
        <Alert tone="warning" className="mb-4">
          No customer has the account number “{sp.customer}”.
        </Alert>
      )}
      {result?.customer && (
        <p className="mb-3 text-sm text-slate-600">
          Showing entries for{" "}
          <Link
            className="font-medium text-brand-700 hover:underline"
            href={`/admin/customers/${result.customer.id}`}
          >
            {result.customer.name} ({result.customer.accountNumber})
          </Link>
        </p>
      )}
      <Card>
        {!result || result.entries.length === 0 ? (
          <EmptyState title={filtered ? "Nothing matches these filters" : "The audit log is empty"}>
            {filtered
              ? "Try a wider date range or another action."
              : "Entries appear as people sign in and change things."}
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>Action</Th>
                <Th>What</Th>
                <Th>Customer</Th>
                <Th>IP</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {result.entries.map((e) => (
                <tr key={e.id}>
                  <Td className="text-slate-500">
                    <DateTime value={e.at} locale={brand.locale} timeZone={brand.timeZone} />
                  </Td>
                  <Td>
                    <span className="mr-2">{e.actorLabel}</span>
                    <Badge tone={actorTypeTone(e.actorType)}>{actorTypeLabel(e.actorType)}</Badge>
                  </Td>
                  <Td>
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
                      {e.action}
                    </code>
                    <AuditData data={e.data} />
                  </Td>
                  <Td>
                    <span className="text-slate-600">{e.entityType ?? "—"}</span>
                    {e.entityId && (
                      <span className="ml-1 font-mono text-xs text-slate-400" title={e.entityId}>
                        {e.entityId.slice(0, 12)}
                      </span>
                    )}
                  </Td>
                  <Td>
                    {e.customerId &&
                      (e.customer ? (
                        <Link
                          className="text-brand-700 hover:underline"
                          href={`/admin/customers/${e.customerId}`}
                          title={e.customer.name}
                        >
                          {e.customer.accountNumber}
                        </Link>
                      ) : (
                        <span className="text-slate-400" title={e.customerId}>
                          deleted
                        </span>
                      ))}
                  </Td>
                  <Td className="text-slate-500">{e.ip ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {(older || sp.before) && (
        <nav aria-label="Pages" className="mt-4 flex justify-end gap-2">
          {sp.before && (
            <ButtonLink
              variant="secondary"
              size="sm"
              href={`/admin/audit?${new URLSearchParams(filters)}`}
            >
              Newest
            </ButtonLink>
          )}
          {older && (
            <ButtonLink variant="secondary" size="sm" href={older}>
              Older entries
            </ButtonLink>
          )}
        </nav>
      )}
    </>
  );
}
