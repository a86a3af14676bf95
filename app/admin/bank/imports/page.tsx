import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { BankTabs } from "@/components/admin/bank-tabs";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { listBankFiles } from "@/lib/bank/list-bank-files";
import { formatDateTime } from "@/lib/format/dates";
import { getBranding } from "@/lib/settings/get-branding";
import { uploadBankFileAction } from "./upload-bank-file-action";

export const metadata = { title: "Bank · Imports" };

export default async function ImportsPage() {
  const actor = await requirePermission("banking:write", "/admin/bank/imports");
  const [files, brand] = await Promise.all([listBankFiles({ actor }), getBranding()]);
  return (
    <>
      <PageHeader
        title="Bank"
        description="Statements (camt.053/052), notifications (camt.054) and status reports (pain.002). Each file and each entry is booked once."
      />
      <BankTabs current="/admin/bank/imports" />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card>
          {files.length === 0 ? (
            <EmptyState title="No bank files imported yet">
              Upload one here, send it to POST /api/v1/bank-files, or drop it in BANK_INBOX_DIR.
            </EmptyState>
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>File</Th>
                  <Th>Imported</Th>
                  <Th>Status</Th>
                  <Th numeric>Entries</Th>
                  <Th numeric>Matched</Th>
                  <Th numeric>To review</Th>
                  <Th numeric>Duplicates</Th>
                  <Th numeric>Returns</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {files.map((f) => (
                  <tr key={f.id} className="hover:bg-slate-50">
                    <Td className="max-w-64 truncate">
                      <Link
                        className="font-medium text-brand-700 hover:underline"
                        href={`/admin/bank/imports/${f.id}`}
                      >
                        {f.fileName}
                      </Link>
                      <span className="block text-xs text-slate-500">{f.kind}</span>
                    </Td>
                    <Td className="tabular">{formatDateTime(f.createdAt, brand)}</Td>
                    <Td>
                      <StatusBadge kind="bankFile" status={f.status} />
                    </Td>
                    <Td numeric>{f.entryCount}</Td>
                    <Td numeric>{f.matchedCount}</Td>
                    <Td numeric>{f.reviewCount}</Td>
                    <Td numeric>{f.duplicateCount}</Td>
                    <Td numeric>{f.returnCount}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader title="Upload" description="Any supported type; recognised by its content." />
          <CardBody>
            <ActionForm action={uploadBankFileAction} submit="Import" pending="Importing…">
              <Field label="Bank file" name="file">
                <Input type="file" name="file" accept=".xml,.csv,.txt" required />
              </Field>
            </ActionForm>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
