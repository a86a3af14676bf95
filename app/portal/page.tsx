import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { getCustomerOverview } from "@/lib/customers/get-customer-overview";
import { getBranding } from "@/lib/settings/get-branding";
import { formatMoney } from "@/lib/money/format-money";
import { getCustomerBalance } from "@/lib/ledger/get-customer-balance";
import { ButtonLink } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format/dates";
import { perInterval } from "@/lib/format/labels";
import { describePayment } from "@/lib/payment-methods/describe-payment";
import { getPaymentInstructions } from "@/lib/payment-methods/get-payment-instructions";

export const metadata = { title: "Overview" };

export default async function PortalHome() {
  const actor = await requireCustomer();
  const [c, brand, account, pays] = await Promise.all([
    getCustomerOverview({ actor, customerId: actor.customerId }),
    getBranding(),
    getCustomerBalance({ customerId: actor.customerId, actor }),
    getPaymentInstructions({ actor, customerId: actor.customerId }),
  ]);
  const money = (v: number) => formatMoney(v, c.currency, brand.locale);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Hello, {c.firstName}</h1>
        <p className="mt-1 text-sm text-slate-500">
          Account <span className="font-mono font-medium text-slate-700">{c.accountNumber}</span> ·{" "}
          {describePayment(
            pays.instructions,
            account.balance > 0 && pays.nextDueDate
              ? formatDate(pays.nextDueDate, brand.locale)
              : undefined,
          )}
        </p>
      </div>
      <Card className="flex flex-wrap items-center justify-between gap-4 p-5">
        <div>
          <p className="text-sm text-slate-500">
            {account.balance < 0 ? "You are in credit" : "Balance due"}
          </p>
          <p className="tabular mt-1 text-3xl font-semibold tracking-tight text-slate-900">
            {money(Math.abs(account.balance))}
          </p>
          {account.overdue > 0 ? (
            <p className="mt-1 text-sm font-medium text-red-700">
              {money(account.overdue)} is overdue. Please pay as soon as you can.
            </p>
          ) : (
            <p className="mt-1 text-sm text-slate-500">
              {account.balance > 0 ? "Nothing overdue." : "You are all paid up. Thank you!"}
            </p>
          )}
        </div>
        <ButtonLink href="/portal/invoices" variant="secondary">
          View invoices
        </ButtonLink>
      </Card>
      <Card>
        <CardHeader title="Your services" />
        {c.subscriptions.length === 0 ? (
          <EmptyState title="No services yet">Your order is being processed.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {c.subscriptions.map((s) => (
              <li
                key={s.id}
                className="flex flex-wrap items-center justify-between gap-3 px-5 py-4"
              >
                <div>
                  <p className="font-medium text-slate-900">
                    {s.parentId && <span className="text-slate-400">+ </span>}
                    {s.product.name}
                    {s.product.downloadMbps && (
                      <span className="ml-2 text-sm font-normal text-slate-500">
                        {s.product.downloadMbps}/{s.product.uploadMbps} Mbps
                      </span>
                    )}
                  </p>
                  {s.serviceAddress && !s.parentId && (
                    <p className="text-sm text-slate-500">
                      {s.serviceAddress.line1}, {s.serviceAddress.suburb}
                    </p>
                  )}
                </div>
                <div className="flex items-center gap-4 text-sm">
                  <span className="tabular font-medium">
                    {money(s.price)} {perInterval(s.interval)}
                  </span>
                  <span className="text-slate-500">
                    next bill {formatDate(s.nextBillDate, brand.locale)}
                  </span>
                  <StatusBadge kind="subscription" status={s.status} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardHeader title="Contact details" />
        <CardBody className="grid gap-2 text-sm sm:grid-cols-2">
          <p>
            <span className="text-slate-500">Email</span>
            <br />
            {c.email}
          </p>
          <p>
            <span className="text-slate-500">Phone</span>
            <br />
            {c.phone ?? "—"}
          </p>
          {c.billingAddress && (
            <p>
              <span className="text-slate-500">Billing address</span>
              <br />
              {c.billingAddress.line1}, {c.billingAddress.suburb}, {c.billingAddress.city}{" "}
              {c.billingAddress.postalCode}
            </p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
