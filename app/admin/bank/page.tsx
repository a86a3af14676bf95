import { ActionForm } from "@/components/admin/action-form";
import { BankTabs } from "@/components/admin/bank-tabs";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { listCollectionBatches } from "@/lib/bank/list-collection-batches";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { changeBatchStatusAction } from "./change-batch-status-action";
import { createBatchAction } from "./create-batch-action";

export const metadata = { title: "Bank · Collections" };

const NEXT_STEPS: Record<string, { to: "submit" | "settle" | "cancel"; label: string }[]> = {
  DRAFT: [{ to: "cancel", label: "Cancel" }],
  EXPORTED: [
    { to: "submit", label: "Mark submitted" },
    { to: "settle", label: "Mark settled" },
    { to: "cancel", label: "Cancel" },
  ],
  SUBMITTED: [{ to: "settle", label: "Mark settled" }],
};

export default async function CollectionsPage() {
  const actor = await requirePermission("banking:write", "/admin/bank");
  const [batches, brand] = await Promise.all([listCollectionBatches({ actor }), getBranding()]);
  return (
    <>
      <PageHeader
        title="Bank"
        description="Debit-order collections out, bank files in. Returns and rejects re-open invoices and hand the account to dunning."
      />
      <BankTabs current="/admin/bank" />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card>
          {batches.length === 0 ? (
            <EmptyState title="No collection batches yet">
              Build one for a collection date; the bank.build-collection job builds them on the
              collection days set in Settings.
            </EmptyState>
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Collection date</Th>
                  <Th>Batch</Th>
                  <Th>Status</Th>
                  <Th numeric>Debits</Th>
                  <Th numeric>Total</Th>
                  <Th numeric>Returned</Th>
                  <Th>Actions</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {batches.map((b) => (
                  <tr key={b.id}>
                    <Td className="tabular">{formatDate(b.collectionDate, brand.locale)}</Td>
                    <Td>
                      <span className="font-mono text-xs">{b.messageId}</span>
                      <span className="block text-xs text-slate-500">{b.format}</span>
                    </Td>
                    <Td>
                      <StatusBadge kind="collectionBatch" status={b.status} />
                    </Td>
                    <Td numeric>{b.itemCount}</Td>
                    <Td numeric>{formatMoney(b.totalAmount, b.currency, brand.locale)}</Td>
                    <Td numeric>
                      {b.returnedCount
                        ? `${b.returnedCount} · ${formatMoney(b.returnedAmount, b.currency, brand.locale)}`
                        : "—"}
                    </Td>
                    <Td>
                      <div className="flex flex-wrap items-start gap-2">
                        {b.status !== "CANCELLED" && (
                          <ButtonLink
                            size="sm"
                            variant="secondary"
                            href={`/api/bank/collection-batches/${b.id}/file`}
                          >
                            Download
                          </ButtonLink>
                        )}
                        {(NEXT_STEPS[b.status] ?? []).map((s) => (
                          <ActionForm
                            key={s.to}
                            action={changeBatchStatusAction}
                            submit={s.label}
                            variant={s.to === "cancel" ? "danger" : "secondary"}
                            className="space-y-1"
                          >
                            <input type="hidden" name="batchId" value={b.id} />
                            <input type="hidden" name="to" value={s.to} />
                          </ActionForm>
                        ))}
                      </div>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader
            title="New collection"
            description="Open invoices of customers with an active mandate, due by the date."
          />
          <CardBody>
            <ActionForm action={createBatchAction} submit="Build batch" pending="Building…">
              <Field label="Collection date" name="collectionDate">
                <Input type="date" name="collectionDate" required />
              </Field>
              <Field label="File format" name="format">
                <Select name="format" defaultValue="">
                  <option value="">As in settings</option>
                  <option value="pain.008.001.08">pain.008.001.08 (SEPA)</option>
                  <option value="pain.008.001.02">pain.008.001.02 (older banks)</option>
                  <option value="csv:generic">CSV</option>
                  <option value="csv:za-fixed">Fixed width (South Africa)</option>
                </Select>
              </Field>
            </ActionForm>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
