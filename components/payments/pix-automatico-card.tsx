// Pix Automático on the portal's payment-methods page: authorise it once (a cap per collection and
// a period), approve it by scanning its QR in the bank app, see whether it is active, paused after
// a failed collection or ended, and cancel it. The authorisation comes from getPixAutomatico.
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format/dates";
import { pixPeriodLabel } from "@/lib/format/labels";
import type { FormState } from "@/lib/http/form-state";
import { formatMoney } from "@/lib/money/format-money";
import { PIX_PERIODICITIES } from "@/lib/payments/rails/pix/automatico/pix-automatico-schema";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export type PixAutomaticoView = {
  status: string;
  usable: boolean;
  periodicity: string;
  maxAmount: number;
  currency: string;
  copiaECola: string | null;
  endReason: string | null;
  createdAt: string;
};

export function PixAutomaticoCard({
  latest,
  qr,
  locale,
  authorize,
  cancel,
}: {
  latest: PixAutomaticoView | null;
  /** The recurrence's QR (data URL) while it waits for approval. */
  qr: string | null;
  locale: string;
  authorize: Action;
  cancel: Action;
}) {
  const live =
    latest && (latest.status === "CRIADA" || (latest.status === "APROVADA" && latest.usable));
  const shown = latest?.status === "APROVADA" && !latest.usable ? "PAUSED" : latest?.status;
  return (
    <Card>
      <CardHeader
        title="Pix Automático"
        description="Authorise once in your bank app; each invoice is then collected by Pix on its due date."
      />
      <CardBody className="space-y-4 text-sm text-slate-700">
        {latest && shown && (
          <div className="flex flex-wrap items-center gap-3">
            <StatusBadge kind="pixRecurrence" status={shown} />
            <span>
              Up to {formatMoney(latest.maxAmount, latest.currency, locale)} ·{" "}
              {pixPeriodLabel(latest.periodicity)} · since{" "}
              {formatDate(latest.createdAt.slice(0, 10), locale)}
            </span>
          </div>
        )}
        {latest && !live && latest.endReason && (
          <p className="text-slate-600">Why: {latest.endReason}</p>
        )}
        {latest?.status === "CRIADA" && latest.copiaECola && (
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
            {qr && (
              // eslint-disable-next-line @next/next/no-img-element -- a data URL, nothing to optimise
              <img
                src={qr}
                alt="Pix Automático QR code"
                width={160}
                height={160}
                className="shrink-0"
              />
            )}
            <Field label="Pix copia e cola" name="pix-rec-code" className="min-w-0 flex-1">
              <Textarea
                id="pix-rec-code"
                readOnly
                rows={4}
                value={latest.copiaECola}
                className="break-all font-mono text-xs"
              />
            </Field>
          </div>
        )}
        {live ? (
          <ActionForm
            action={cancel}
            submit="Cancel Pix Automático"
            pending="Cancelling…"
            variant="danger"
          >
            <p>After cancelling you pay each invoice yourself.</p>
          </ActionForm>
        ) : (
          <ActionForm action={authorize} submit="Authorise Pix Automático" pending="Creating…">
            <div className="grid gap-3 sm:grid-cols-2">
              <Field
                label="Most per collection (R$)"
                name="maxReais"
                hint="No invoice above this is collected automatically."
              >
                <Input
                  id="maxReais"
                  name="maxReais"
                  inputMode="decimal"
                  placeholder="250,00"
                  required
                />
              </Field>
              <Field label="How often" name="periodicity">
                <Select id="periodicity" name="periodicity" defaultValue="MENSAL">
                  {PIX_PERIODICITIES.map((p) => (
                    <option key={p} value={p}>
                      {pixPeriodLabel(p)}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          </ActionForm>
        )}
      </CardBody>
    </Card>
  );
}
