import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { BankTabs } from "@/components/admin/bank-tabs";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { getBankFile } from "@/lib/bank/get-bank-file";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { confirmHeldFileAction } from "./confirm-held-file-action";
import { CsvMappingForm } from "./csv-mapping-form";

export const metadata = { title: "Bank · Import" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("banking:write", `/admin/bank/imports/${id}`);
  const file = await getBankFile({ actor, fileId: id }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const brand = await getBranding();
  return (
    <>
      <PageHeader
        title={file.fileName}
        description={`${file.kind} · ${file.messageId ?? "no message id"}`}
      />
      <BankTabs current="/admin/bank/imports" />
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <StatusBadge kind="bankFile" status={file.status} />
          <span>{file.entryCount} entries</span>
          <span>{file.matchedCount} matched</span>
          <span>{file.reviewCount} to review</span>
          <span>{file.duplicateCount} already imported</span>
          <span>{file.debitCount} debits</span>
          <span>{file.returnCount} returns/rejects</span>
        </div>
        {file.error && (
          <Alert tone={file.status === "HELD" ? "warning" : "error"}>{file.error}</Alert>
        )}
        {file.status === "HELD" && (
          <ActionForm
            action={confirmHeldFileAction}
            submit={`Add account ${file.account} and import`}
          >
            <input type="hidden" name="fileId" value={file.id} />
          </ActionForm>
        )}
        {file.preview && <CsvMappingForm fileId={file.id} preview={file.preview} />}
        {file.warnings.length > 0 && (
          <Card>
            <CardHeader
              title="Read, but odd"
              description="The file breaks its schema here; the entries were still unambiguous."
            />
            <CardBody>
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
                {file.warnings.map((w, i) => (
                  <li key={i}>
                    <span className="font-mono text-xs">{w.where}</span>: {w.what}
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        )}
        <Card>
          {file.entries.length === 0 ? (
            <EmptyState title="No entries booked from this file" />
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Booked</Th>
                  <Th>Reference</Th>
                  <Th>Status</Th>
                  <Th numeric>Amount</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {file.entries.map((e) => (
                  <tr key={e.id}>
                    <Td className="tabular">{formatDate(e.bookingDate, brand.locale)}</Td>
                    <Td className="max-w-96">
                      <span className="block truncate">{e.reference ?? e.endToEndId ?? "—"}</span>
                      <span className="block truncate text-xs text-slate-500">
                        {[e.name, e.reasonCode, e.matchedBy].filter(Boolean).join(" · ")}
                      </span>
                    </Td>
                    <Td>
                      <StatusBadge kind="bankEntry" status={e.status} />
                    </Td>
                    <Td numeric>
                      {e.direction === "DEBIT" ? "−" : ""}
                      {/^[A-Z]{3}$/.test(e.currency) && e.currency !== "XXX"
                        ? formatMoney(e.amount, e.currency, brand.locale)
                        : e.amount}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
