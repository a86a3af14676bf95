import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { getCustomerOverview } from "@/lib/customers/get-customer-overview";
import { getCustomerBalance } from "@/lib/ledger/get-customer-balance";
import { estimateNextInvoice } from "@/lib/billing/estimate-next-invoice";
import { listMyServices } from "@/lib/portal/list-my-services";
import { listDueInvoices } from "@/lib/portal/list-due-invoices";
import { getBranding } from "@/lib/settings/get-branding";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { formatMoney } from "@/lib/money/format-money";
import { formatDate } from "@/lib/format/dates";
import { describePayment } from "@/lib/payment-methods/describe-payment";
import { getPaymentInstructions } from "@/lib/payment-methods/get-payment-instructions";
import { getCustomerArrangement } from "@/lib/dunning/arrangements/get-customer-arrangement";
import { ServiceSummary } from "./services/service-card";
import { ArrangementNotice } from "./arrangement/arrangement-notice";

export const metadata = { title: "Overview" };

export default async function PortalHome() {
  const actor = await requireCustomer();
  const who = { actor, customerId: actor.customerId };
  const [c, brand, account, pays, services, due, next, today, arrangement] = await Promise.all([
    getCustomerOverview(who),
    getBranding(),
    getCustomerBalance(who),
    getPaymentInstructions(who),
    listMyServices(who),
    listDueInvoices(who),
    estimateNextInvoice(who),
    todayForIsp(),
    getCustomerArrangement(who),
  ]);
  const money = (v: number) => formatMoney(v, c.currency, brand.locale);
  const date = (d: string) => formatDate(d, brand.locale);
  const restricted = services.filter((s) => s.softSuspended || s.status === "SUSPENDED");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Hello, {c.firstName}</h1>
        <p className="mt-1 text-sm text-slate-500">
          Account <span className="font-mono font-medium text-slate-700">{c.accountNumber}</span>
        </p>
      </div>
      {restricted.length > 0 && (
        <Alert tone="error">
          {restricted.map((s) => s.name).join(", ")} {restricted.length === 1 ? "is" : "are"}{" "}
          {restricted.some((s) => s.status === "SUSPENDED") ? "suspended" : "restricted"}
          {account.overdue > 0
            ? `. Paying the overdue ${money(account.overdue)} restores your service.`
            : "."}
        </Alert>
      )}
      <ArrangementNotice
        arrangement={arrangement}
        overdue={account.overdue}
        currency={c.currency}
        locale={brand.locale}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={account.balance < 0 ? "You are in credit" : "Balance due"} />
          <CardBody className="space-y-3">
            <p className="tabular text-3xl font-semibold tracking-tight text-slate-900">
              {money(Math.abs(account.balance))}
            </p>
            {account.overdue > 0 ? (
              <p className="text-sm font-medium text-red-700">
                {money(account.overdue)} is overdue.{" "}
                {arrangement?.status === "ACTIVE"
                  ? "Your payment arrangement covers it."
                  : "Please pay as soon as you can."}
              </p>
            ) : (
              <p className="text-sm text-slate-500">
                {account.balance > 0 ? "Nothing overdue." : "You are all paid up. Thank you!"}
              </p>
            )}
            {due.length > 0 && (
              <ul className="divide-y divide-slate-100 text-sm" aria-label="Unpaid invoices">
                {due.map((i) => (
                  <li key={i.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <Link
                      href={`/portal/invoices/${i.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      Invoice {i.number}
                    </Link>
                    <span className={i.dueDate < today ? "text-red-700" : "text-slate-500"}>
                      {i.dueDate < today ? "was due" : "due"} {date(i.dueDate)}
                    </span>
                    <span className="tabular font-medium">{money(i.open)}</span>
                  </li>
                ))}
              </ul>
            )}
            <p className="text-sm text-slate-600">
              {describePayment(
                pays.instructions,
                account.balance > 0 && pays.nextDueDate ? date(pays.nextDueDate) : undefined,
              )}
            </p>
            <ButtonLink href="/portal/invoices" variant="secondary">
              View invoices
            </ButtonLink>
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Next invoice"
            description={next ? `Estimated for ${date(next.date)}` : undefined}
          />
          {next ? (
            <CardBody>
              <table className="w-full text-sm">
                <caption className="sr-only">Estimated next invoice</caption>
                <tbody>
                  {next.lines.map((l, i) => (
                    <tr key={i} className="border-b border-slate-100">
                      <td className="py-1.5 pr-2">{l.description}</td>
                      <td className="tabular py-1.5 text-right">{money(l.totalAmount)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" className="py-1.5 text-left font-semibold">
                      Estimated total
                    </th>
                    <td className="tabular py-1.5 text-right font-semibold">{money(next.total)}</td>
                  </tr>
                </tfoot>
              </table>
              <p className="mt-2 text-xs text-slate-500">
                Usage and once-off charges added before then are not included.
              </p>
            </CardBody>
          ) : (
            <EmptyState title="Nothing scheduled">No invoice is coming up.</EmptyState>
          )}
        </Card>
      </div>
      <Card>
        <CardHeader
          title="Your services"
          action={
            <Link
              href="/portal/services"
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Manage services
            </Link>
          }
        />
        {services.length === 0 ? (
          <EmptyState title="No services yet">Your order is being processed.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {services.map((s) => (
              <li key={s.id}>
                <ServiceSummary s={s} currency={c.currency} locale={brand.locale} manage />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
