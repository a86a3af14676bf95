import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { getRailSettings } from "@/lib/payments/rails/get-rail-settings";
import { registerRailCallbacksAction } from "./register-rail-callbacks-action";
import { saveMpesaSettingsAction } from "./save-mpesa-settings-action";
import { savePixSettingsAction } from "./save-pix-settings-action";
import { testRailConnectionAction } from "./test-rail-connection-action";

export const metadata = { title: "Payment rails" };

const secretHint = (set: boolean) => (set ? "Set. Leave blank to keep it." : "Not set.");

function Enabled({ checked }: { checked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
      <input
        type="checkbox"
        name="enabled"
        defaultChecked={checked}
        className="rounded border-slate-300"
      />
      Enabled
    </label>
  );
}

function RailTools({ rail, register }: { rail: "PIX" | "MPESA"; register: string }) {
  return (
    <div className="flex flex-wrap gap-4 border-t border-slate-100 pt-4">
      <ActionForm
        action={testRailConnectionAction}
        submit="Test connection"
        pending="Testing…"
        variant="secondary"
      >
        <input type="hidden" name="rail" value={rail} />
      </ActionForm>
      <ActionForm
        action={registerRailCallbacksAction}
        submit={register}
        pending="Registering…"
        variant="secondary"
      >
        <input type="hidden" name="rail" value={rail} />
      </ActionForm>
    </div>
  );
}

export default async function PaymentRailsPage() {
  const actor = await requirePermission("settings:write", "/admin/settings/payment-rails");
  const { pix, mpesa } = await getRailSettings({ actor });
  const grid = "grid gap-4 sm:grid-cols-2";
  return (
    <>
      <PageHeader
        title="Payment rails"
        description="Pix and M-PESA, with their credentials. Secrets are encrypted and never shown again; every change is audited."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Pix (Brazil)"
            description="A static BR Code on every invoice with your key; dynamic charges through your PSP's Pix API (OAuth2 over mutual TLS)."
          />
          <CardBody className="space-y-4">
            <ActionForm action={savePixSettingsAction} submit="Save Pix settings">
              <Enabled checked={pix.enabled} />
              <div className={grid}>
                <Field
                  label="Pix key"
                  name="config.key"
                  hint="CPF/CNPJ, e-mail, +55 phone or random key"
                >
                  <Input name="config.key" defaultValue={pix.config.key ?? ""} />
                </Field>
                <Field label="Merchant name (max 25)" name="config.merchantName">
                  <Input
                    name="config.merchantName"
                    maxLength={25}
                    defaultValue={pix.config.merchantName ?? ""}
                  />
                </Field>
                <Field label="Merchant city (max 15)" name="config.merchantCity">
                  <Input
                    name="config.merchantCity"
                    maxLength={15}
                    defaultValue={pix.config.merchantCity ?? ""}
                  />
                </Field>
                <label className="flex items-center gap-2 self-end text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name="config.staticOnInvoices"
                    defaultChecked={pix.config.staticOnInvoices ?? false}
                    className="rounded border-slate-300"
                  />
                  Print a Pix code on every invoice
                </label>
                <Field
                  label="PSP Pix API URL"
                  name="config.pspBaseUrl"
                  hint="e.g. https://pix.psp.example/v2"
                >
                  <Input
                    name="config.pspBaseUrl"
                    type="url"
                    defaultValue={pix.config.pspBaseUrl ?? ""}
                  />
                </Field>
                <Field label="PSP token URL" name="config.tokenUrl">
                  <Input
                    name="config.tokenUrl"
                    type="url"
                    defaultValue={pix.config.tokenUrl ?? ""}
                  />
                </Field>
                <Field label="Client id" name="config.clientId">
                  <Input
                    name="config.clientId"
                    defaultValue={pix.config.clientId ?? ""}
                    autoComplete="off"
                  />
                </Field>
                <Field
                  label="Client secret"
                  name="secrets.clientSecret"
                  hint={secretHint(pix.secrets.clientSecret)}
                >
                  <Input name="secrets.clientSecret" type="password" autoComplete="new-password" />
                </Field>
                <Field
                  label="Client certificate (PEM)"
                  name="secrets.clientCertPem"
                  hint={secretHint(pix.secrets.clientCertPem)}
                >
                  <Textarea name="secrets.clientCertPem" rows={3} className="font-mono text-xs" />
                </Field>
                <Field
                  label="Client private key (PEM)"
                  name="secrets.clientKeyPem"
                  hint={secretHint(pix.secrets.clientKeyPem)}
                >
                  <Textarea name="secrets.clientKeyPem" rows={3} className="font-mono text-xs" />
                </Field>
                <Field
                  label="Pix Automático: receiving account"
                  name="config.receiverAccount"
                  hint="Where the PSP credits recurring charges; blank: Pix Automático is off."
                >
                  <Input
                    name="config.receiverAccount"
                    inputMode="numeric"
                    defaultValue={pix.config.receiverAccount ?? ""}
                  />
                </Field>
                <div className="grid grid-cols-2 gap-3">
                  <Field label="Branch (agência)" name="config.receiverBranch">
                    <Input
                      name="config.receiverBranch"
                      inputMode="numeric"
                      defaultValue={pix.config.receiverBranch ?? ""}
                    />
                  </Field>
                  <Field label="Account type" name="config.receiverAccountType">
                    <Select
                      name="config.receiverAccountType"
                      defaultValue={pix.config.receiverAccountType ?? ""}
                    >
                      <option value="">—</option>
                      <option value="CORRENTE">Corrente</option>
                      <option value="POUPANCA">Poupança</option>
                      <option value="PAGAMENTO">Pagamento</option>
                    </Select>
                  </Field>
                </div>
                <Field
                  label="PSP CA certificate (PEM, optional)"
                  name="config.caCertPem"
                  className="sm:col-span-2"
                >
                  <Textarea
                    name="config.caCertPem"
                    rows={3}
                    className="font-mono text-xs"
                    defaultValue={pix.config.caCertPem ?? ""}
                  />
                </Field>
                <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
                  <input
                    type="checkbox"
                    name="config.boletoHibrido"
                    defaultChecked={pix.config.boletoHibrido ?? false}
                    className="rounded border-slate-300"
                  />
                  Boleto híbrido: a Pix with due date (cobv) on every open invoice (needs the
                  customer&apos;s CPF/CNPJ)
                </label>
                <div className="grid grid-cols-3 gap-3 sm:col-span-2">
                  <Field label="Fine after due (%)" name="config.finePercent" hint="e.g. 2.00">
                    <Input
                      name="config.finePercent"
                      inputMode="decimal"
                      defaultValue={pix.config.finePercent ?? ""}
                    />
                  </Field>
                  <Field
                    label="Interest a month (%)"
                    name="config.interestMonthlyPercent"
                    hint="e.g. 1.00"
                  >
                    <Input
                      name="config.interestMonthlyPercent"
                      inputMode="decimal"
                      defaultValue={pix.config.interestMonthlyPercent ?? ""}
                    />
                  </Field>
                  <Field
                    label="Payable days after due"
                    name="config.daysPayableAfterDue"
                    hint="default 30"
                  >
                    <Input
                      name="config.daysPayableAfterDue"
                      inputMode="numeric"
                      defaultValue={pix.config.daysPayableAfterDue ?? ""}
                    />
                  </Field>
                </div>
              </div>
            </ActionForm>
            <p className="break-all text-sm text-slate-600">
              Webhook URL (the PSP appends /pix; with Pix Automático also /rec and /cobr):{" "}
              <code className="text-xs">{pix.webhookUrl}</code>
            </p>
            {pix.dynamic && <RailTools rail="PIX" register="Register webhook at the PSP" />}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="M-PESA (Kenya)"
            description="Safaricom Daraja: STK push prompts from the portal, and paybill payments matched by account number."
          />
          <CardBody className="space-y-4">
            <ActionForm action={saveMpesaSettingsAction} submit="Save M-PESA settings">
              <Enabled checked={mpesa.enabled} />
              <div className={grid}>
                <Field
                  label="Daraja URL"
                  name="config.baseUrl"
                  hint="https://api.safaricom.co.ke (sandbox: https://sandbox.safaricom.co.ke)"
                >
                  <Input
                    name="config.baseUrl"
                    type="url"
                    defaultValue={mpesa.config.baseUrl ?? ""}
                  />
                </Field>
                <Field label="Paybill shortcode" name="config.shortcode">
                  <Input
                    name="config.shortcode"
                    inputMode="numeric"
                    defaultValue={mpesa.config.shortcode ?? ""}
                  />
                </Field>
                <Field label="Consumer key" name="config.consumerKey">
                  <Input
                    name="config.consumerKey"
                    defaultValue={mpesa.config.consumerKey ?? ""}
                    autoComplete="off"
                  />
                </Field>
                <Field
                  label="Consumer secret"
                  name="secrets.consumerSecret"
                  hint={secretHint(mpesa.secrets.consumerSecret)}
                >
                  <Input
                    name="secrets.consumerSecret"
                    type="password"
                    autoComplete="new-password"
                  />
                </Field>
                <Field
                  label="STK passkey"
                  name="secrets.passkey"
                  hint={secretHint(mpesa.secrets.passkey)}
                >
                  <Input name="secrets.passkey" type="password" autoComplete="new-password" />
                </Field>
                <Field
                  label="Initiator name (reversals)"
                  name="config.initiatorName"
                  hint="The API operator allowed to reverse transactions; refunds need it."
                >
                  <Input
                    name="config.initiatorName"
                    defaultValue={mpesa.config.initiatorName ?? ""}
                    autoComplete="off"
                  />
                </Field>
                <Field
                  label="Security credential (reversals)"
                  name="secrets.securityCredential"
                  hint={secretHint(mpesa.secrets.securityCredential)}
                >
                  <Input
                    name="secrets.securityCredential"
                    type="password"
                    autoComplete="new-password"
                  />
                </Field>
              </div>
            </ActionForm>
            <dl className="space-y-1 break-all text-sm text-slate-600">
              <div>
                STK callback: <code className="text-xs">{mpesa.stkCallbackUrl}</code>
              </div>
              <div>
                C2B validation: <code className="text-xs">{mpesa.c2bValidationUrl}</code>
              </div>
              <div>
                C2B confirmation: <code className="text-xs">{mpesa.c2bConfirmationUrl}</code>
              </div>
              <div>
                Reversal result: <code className="text-xs">{mpesa.reversalResultUrl}</code>
              </div>
            </dl>
            {mpesa.enabled && <RailTools rail="MPESA" register="Register C2B URLs" />}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
