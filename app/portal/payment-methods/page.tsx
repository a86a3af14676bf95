// The customer's saved payment methods: cards (brand, last four, expiry — the number never
// reaches us) and a debit order mandate shown masked. The default is what auto-pay charges.
// Brazilian ISPs with a Pix PSP also offer Pix Automático here.
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { isCardPaymentEnabled } from "@/lib/payment-methods/card-payments-enabled";
import { listPaymentMethods } from "@/lib/payment-methods/list-payment-methods";
import { getPixAutomatico } from "@/lib/payments/rails/pix/automatico/get-pix-automatico";
import { getBranding } from "@/lib/settings/get-branding";
import { PixAutomaticoCard } from "@/components/payments/pix-automatico-card";
import { paymentQrDataUrl } from "@/lib/invoices/pdf/payment-qr";
import { AddCard } from "./add-card";
import { DebitOrderForm } from "./debit-order-form";
import { authorizePixAutomaticoAction } from "./authorize-pix-automatico-action";
import { cancelPixAutomaticoAction } from "./cancel-pix-automatico-action";
import { removePaymentMethodAction } from "./remove-payment-method-action";
import { setDefaultPaymentMethodAction } from "./set-default-payment-method-action";

export const metadata = { title: "Payment methods" };

export default async function PortalPaymentMethodsPage() {
  const actor = await requireCustomer("/portal/payment-methods");
  const [methods, brand, pixAuto] = await Promise.all([
    listPaymentMethods({ actor, customerId: actor.customerId }),
    getBranding(),
    getPixAutomatico({ actor, customerId: actor.customerId }),
  ]);
  const mandate = methods.find((m) => m.mandate && m.mandate.status !== "CANCELLED")?.mandate;
  const pixRec = pixAuto.latest;
  const pixRecQr =
    pixRec?.status === "CRIADA" && pixRec.copiaECola
      ? await paymentQrDataUrl(pixRec.copiaECola)
      : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Payment methods</h1>
      <Card>
        <CardHeader
          title="Saved methods"
          description="The default method pays your invoices automatically when they are due."
        />
        {methods.length === 0 ? (
          <EmptyState title="No saved payment methods">
            You pay each invoice yourself, by bank transfer or with Pay now.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {methods.map((m) => (
              <li
                key={m.id}
                className="flex flex-wrap items-center justify-between gap-3 px-5 py-4 text-sm"
              >
                <div>
                  <p className="font-medium text-slate-900">
                    {m.card
                      ? `${(m.card.brand ?? "Card").toUpperCase()} •••• ${m.card.last4 ?? ""}`
                      : m.mandate
                        ? `Debit order ${m.mandate.accountMasked}`
                        : m.kind === "EFT"
                          ? "Bank transfer (EFT)"
                          : m.kind}
                    {m.isDefault && (
                      <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">
                        Default
                      </span>
                    )}
                  </p>
                  <p className="text-slate-600">
                    {m.card?.expMonth && m.card.expYear
                      ? `Expires ${String(m.card.expMonth).padStart(2, "0")}/${m.card.expYear}`
                      : m.mandate
                        ? `${m.mandate.accountHolder} · mandate ${m.mandate.reference} · signed ${formatDate(m.mandate.signedAt.slice(0, 10), brand.locale)}`
                        : null}
                  </p>
                </div>
                <div className="flex gap-2">
                  {!m.isDefault && (
                    <ActionForm
                      action={setDefaultPaymentMethodAction}
                      submit="Make default"
                      variant="secondary"
                    >
                      <input type="hidden" name="paymentMethodId" value={m.id} />
                    </ActionForm>
                  )}
                  {m.card && (
                    <ActionForm
                      action={removePaymentMethodAction}
                      submit="Remove"
                      pending="Removing…"
                      variant="danger"
                    >
                      <input type="hidden" name="paymentMethodId" value={m.id} />
                    </ActionForm>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {(pixAuto.offered || pixRec) && (
        <PixAutomaticoCard
          latest={pixRec && { ...pixRec, createdAt: pixRec.createdAt.toISOString() }}
          qr={pixRecQr}
          locale={brand.locale}
          authorize={authorizePixAutomaticoAction}
          cancel={cancelPixAutomaticoAction}
        />
      )}
      {isCardPaymentEnabled() && (
        <Card>
          <CardHeader
            title="Add a card"
            description="Saved with Stripe; we keep only the brand, last four digits and expiry."
          />
          <CardBody>
            <AddCard />
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader
          title="Debit order"
          description={
            mandate
              ? `Collected from ${mandate.accountMasked} (${mandate.accountHolder}). Moving it to another account needs your signature on the mandate again.`
              : "We collect each invoice from your bank account on its due date. You sign the mandate here."
          }
        />
        <CardBody>
          <DebitOrderForm hasMandate={Boolean(mandate)} defaultName={actor.name} />
        </CardBody>
      </Card>
    </div>
  );
}
