// Pay now from the portal: one open invoice (`?invoice=<id>`) or the whole open balance, with
// Stripe's Payment Element.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireCustomer } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import { isCardPaymentEnabled } from "@/lib/payment-methods/card-payments-enabled";
import { getPayNowSummary } from "@/lib/payments/stripe/pay-now";
import { getBranding } from "@/lib/settings/get-branding";
import { PortalPayPanel } from "./portal-pay-panel";

export const metadata = { title: "Pay now" };

export default async function PortalPayPage({
  searchParams,
}: {
  searchParams: Promise<{ invoice?: string }>;
}) {
  const actor = await requireCustomer("/portal/pay");
  const { invoice } = await searchParams;
  const invoiceId = typeof invoice === "string" && invoice.length <= 64 ? invoice : undefined;
  const [open, brand] = await Promise.all([
    getPayNowSummary({ actor, customerId: actor.customerId, invoiceId }),
    getBranding(),
  ]);
  const total = open.reduce((s, i) => s + i.open, 0);
  const currency = open[0]?.currency;
  return (
    <div className="space-y-6">
      <Link href="/portal/invoices" className="text-sm font-medium text-brand-700 hover:underline">
        ← Invoices
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Pay now</h1>
      <Card>
        <CardHeader
          title={invoiceId ? "This invoice" : "Everything open"}
          description={invoiceId ? undefined : "Pays your open invoices, oldest due first."}
        />
        <CardBody className="space-y-4">
          {open.length === 0 ? (
            <Alert tone="success">Nothing is due. Thank you.</Alert>
          ) : (
            <>
              <ul className="divide-y divide-slate-100 text-sm">
                {open.map((i) => (
                  <li key={i.id} className="flex justify-between gap-3 py-2">
                    <span>
                      Invoice {i.number}
                      <span className="text-slate-500">
                        {" "}
                        · due {formatDate(i.dueDate, brand.locale)}
                      </span>
                    </span>
                    <span className="tabular">{formatMoney(i.open, i.currency, brand.locale)}</span>
                  </li>
                ))}
              </ul>
              {isCardPaymentEnabled() ? (
                <PortalPayPanel
                  invoiceId={invoiceId}
                  label={`Pay ${formatMoney(total, currency!, brand.locale)}`}
                />
              ) : (
                <Alert tone="info">
                  Online payment is not available. Your invoice shows how to pay by bank transfer.
                </Alert>
              )}
            </>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
