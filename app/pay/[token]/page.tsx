// The public pay page behind a signed pay link (emails, the invoice PDF's QR code, the walled
// garden): the invoice's summary and Stripe's Payment Element, without signing in. A link that
// is forged, mangled or expired gets a friendly page, never an error.
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import { isCardPaymentEnabled } from "@/lib/payment-methods/card-payments-enabled";
import { getPayLinkInvoice } from "@/lib/payments/stripe/pay-now";
import { getBranding } from "@/lib/settings/get-branding";
import { PayLinkPanel } from "./pay-link-panel";

export const metadata = { title: "Pay your invoice", robots: { index: false } };

export default async function PayPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [link, brand] = await Promise.all([getPayLinkInvoice({ token }), getBranding()]);
  return (
    <main className="mx-auto max-w-lg space-y-6 px-4 py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{brand.name}</h1>
      {link.state === "invalid" && (
        <Alert tone="error">
          This payment link is not valid. Check that you copied all of it, or ask us for a new one.
        </Alert>
      )}
      {link.state === "expired" && (
        <Alert tone="warning">
          This payment link has expired. Sign in to your account to pay, or ask us for a new link.
        </Alert>
      )}
      {link.state === "ok" && (
        <Card>
          <CardHeader
            title={`Invoice ${link.invoice.number ?? ""}`}
            description={`For ${link.invoice.firstName} · due ${formatDate(link.invoice.dueDate, brand.locale)}`}
          />
          <CardBody className="space-y-4">
            <dl className="grid grid-cols-2 gap-2 text-sm">
              <dt className="text-slate-600">Invoice total</dt>
              <dd className="tabular text-right">
                {formatMoney(link.invoice.total, link.invoice.currency, brand.locale)}
              </dd>
              <dt className="font-medium text-slate-900">To pay</dt>
              <dd className="tabular text-right font-semibold text-slate-900">
                {formatMoney(Math.max(0, link.invoice.open), link.invoice.currency, brand.locale)}
              </dd>
            </dl>
            {link.invoice.open <= 0 || link.invoice.status === "PAID" ? (
              <Alert tone="success">This invoice is paid. Thank you.</Alert>
            ) : link.invoice.status === "VOID" ? (
              <Alert tone="info">This invoice was cancelled; nothing is due.</Alert>
            ) : isCardPaymentEnabled() ? (
              <PayLinkPanel
                token={token}
                label={`Pay ${formatMoney(link.invoice.open, link.invoice.currency, brand.locale)}`}
              />
            ) : (
              <Alert tone="info">
                Online payment is not available. The invoice shows how to pay by bank transfer.
              </Alert>
            )}
          </CardBody>
        </Card>
      )}
    </main>
  );
}
