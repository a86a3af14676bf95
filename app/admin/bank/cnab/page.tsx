// CNAB 240 (FEBRABAN) for banks that take boletos only as files: upload the bank's return file
// (settlements pay the invoice their "seu número" names, once; registrations and rejections are
// recorded), with the result summary in place.
import { ActionForm } from "@/components/admin/action-form";
import { BankTabs } from "@/components/admin/bank-tabs";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { uploadCnabReturnAction } from "./upload-cnab-return-action";

export const metadata = { title: "Bank · CNAB 240" };

export default async function CnabPage() {
  await requirePermission("banking:write", "/admin/bank/cnab");
  return (
    <>
      <PageHeader
        title="Bank"
        description="CNAB 240 return files (boletos, FEBRABAN layout). Each entry is booked once, however often a file is uploaded."
      />
      <BankTabs current="/admin/bank/cnab" />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card>
          <CardHeader
            title="Upload a return file"
            description="Settlements (liquidação) pay the invoice named by the boleto's seu número; registrations, rejections and write-offs are recorded."
          />
          <CardBody>
            <ActionForm action={uploadCnabReturnAction} submit="Import" pending="Importing…">
              <Field label="CNAB 240 return file" name="file">
                <Input type="file" name="file" accept=".ret,.txt,.rem,.cnab" required />
              </Field>
            </ActionForm>
          </CardBody>
        </Card>
        <Alert tone="info">
          Unmatched settlements are listed under Payments → Pix and M-PESA for staff to apply.
          Remittance files are not generated from this screen yet.
        </Alert>
      </div>
    </>
  );
}
