// Every way to pay one invoice, as the portal shows it: the Pix code (QR and "copia e cola"), an
// M-PESA prompt to the customer's phone and the paybill details, bank transfer with the
// reference, the pay link, or the debit-order date. The options come from getPayOptions.
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { formatDate } from "@/lib/format/dates";
import type { FormState } from "@/lib/http/form-state";
import type { PayOption } from "@/lib/payments/rails/pay-options-schema";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function PayOptionsCard({
  invoiceId,
  options,
  pixQr,
  boletoQr,
  phone,
  locale,
  startMpesa,
  createPix,
}: {
  invoiceId: string;
  options: PayOption[];
  /** The Pix code as a QR image (data URL), when there is one. */
  pixQr: string | null;
  /** The boleto híbrido's Pix (cobv) as a QR image (data URL), when there is one. */
  boletoQr?: string | null;
  phone: string | null;
  locale: string;
  startMpesa: Action;
  createPix: Action;
}) {
  if (options.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Ways to pay" />
      <CardBody className="divide-y divide-slate-100 p-0">
        {options.map((o) => (
          <section key={o.kind} className="space-y-2 px-5 py-4 text-sm text-slate-700">
            <Option option={o} />
          </section>
        ))}
      </CardBody>
    </Card>
  );

  function Option({ option: o }: { option: PayOption }) {
    switch (o.kind) {
      case "PIX_STATIC":
        return (
          <>
            <h3 className="font-semibold text-slate-900">Pix</h3>
            <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
              {pixQr && (
                // eslint-disable-next-line @next/next/no-img-element -- a data URL, nothing to optimise
                <img src={pixQr} alt="Pix QR code" width={160} height={160} className="shrink-0" />
              )}
              <Field label="Pix copia e cola" name="pix-code" className="min-w-0 flex-1">
                <Textarea
                  id="pix-code"
                  readOnly
                  rows={4}
                  value={o.copiaECola}
                  className="break-all font-mono text-xs"
                />
              </Field>
            </div>
          </>
        );
      case "BOLETO_HIBRIDO":
        return (
          <>
            <h3 className="font-semibold text-slate-900">
              Pix with due date (boleto híbrido) · due {formatDate(o.dueDate, locale)}
            </h3>
            <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
              {boletoQr && (
                // eslint-disable-next-line @next/next/no-img-element -- a data URL, nothing to optimise
                <img
                  src={boletoQr}
                  alt="Boleto híbrido Pix QR code"
                  width={160}
                  height={160}
                  className="shrink-0"
                />
              )}
              <Field label="Pix copia e cola" name="boleto-pix-code" className="min-w-0 flex-1">
                <Textarea
                  id="boleto-pix-code"
                  readOnly
                  rows={4}
                  value={o.copiaECola}
                  className="break-all font-mono text-xs"
                />
              </Field>
            </div>
            <p className="text-xs text-slate-500">
              After the due date the fine and interest are added by your bank app.
            </p>
          </>
        );
      case "PIX_CHARGE":
        return o.copiaECola ? (
          <>
            <h3 className="font-semibold text-slate-900">Pix charge</h3>
            <Textarea
              readOnly
              rows={4}
              value={o.copiaECola}
              className="break-all font-mono text-xs"
              aria-label="Pix charge copia e cola"
            />
          </>
        ) : (
          <ActionForm
            action={createPix}
            submit="Create a Pix charge"
            pending="Creating…"
            variant="secondary"
          >
            <p>{o.description}</p>
            <input type="hidden" name="invoiceId" value={invoiceId} />
          </ActionForm>
        );
      case "MPESA_STK":
        return (
          <ActionForm
            action={startMpesa}
            submit={`Pay KES ${o.amountShillings} with M-PESA`}
            pending="Sending prompt…"
          >
            <h3 className="font-semibold text-slate-900">M-PESA</h3>
            <p>{o.description}</p>
            <input type="hidden" name="invoiceId" value={invoiceId} />
            <Field label="Phone" name="phone" className="max-w-xs">
              <Input
                name="phone"
                type="tel"
                defaultValue={phone ?? ""}
                autoComplete="tel"
                required
              />
            </Field>
          </ActionForm>
        );
      case "MPESA_PAYBILL":
        return (
          <p>
            Or pay with M-PESA Paybill <strong className="tabular">{o.paybill}</strong>, account
            number <strong className="font-mono">{o.accountNumber}</strong>.
          </p>
        );
      case "BANK_TRANSFER":
        return (
          <>
            <h3 className="font-semibold text-slate-900">Bank transfer</h3>
            <p>
              {[o.bankName, o.accountName].filter(Boolean).join(" · ")}
              {o.accountNumber && <> · account {o.accountNumber}</>}
              {o.branchCode && <> · branch {o.branchCode}</>}
              {o.iban && <> · IBAN {o.iban}</>}
            </p>
            <p>
              Reference: <strong className="font-mono">{o.reference}</strong> (always quote it)
            </p>
          </>
        );
      case "PAY_LINK":
        return (
          <a href={o.url} className="font-medium text-brand-700 hover:underline">
            Pay online
          </a>
        );
      case "DEBIT_ORDER":
        return (
          <p>
            Collected by debit order on {formatDate(o.date, locale)} from the account ending{" "}
            {o.accountLast4}.
          </p>
        );
    }
  }
}
