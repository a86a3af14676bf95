import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getCustomerDetails } from "@/lib/customers/get-customer-details";
import { getCustomerOverview } from "@/lib/customers/get-customer-overview";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format/dates";
import { customerTypeLabel, perInterval, technologyLabel } from "@/lib/format/labels";
import { plural } from "@/lib/format/plural";
import { DebitOrdersCard } from "./debit-orders-card";
import { paymentMethodLabel } from "@/lib/format/labels";
import { getCustomerSummary } from "@/lib/customers/get-customer-summary";
import { TIMELINE_KINDS, type TimelineKind } from "@/lib/customers/timeline-kinds";
import { CustomerContactCards } from "./customer-contact-cards";
import { CustomerNotes } from "./customer-notes";
import { CustomerTimeline } from "./customer-timeline";
import { getCustomerDunning } from "@/lib/dunning/get-customer-dunning";
import { DunningCard } from "./dunning-card";
import { RiskCard } from "./risk-card";
import { ServiceRequestsCard } from "./service-requests-card";
import { ResendInvoiceForm } from "./resend-invoice-form";

export const metadata = { title: "Customer" };

const Figure = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
    <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
    <p className="tabular mt-1 text-lg font-semibold text-slate-900">{children}</p>
  </div>
);

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{
    kind?: string | string[];
    after?: string;
    service_request?: string;
    plan_changed?: string;
  }>;
}) {
  const actor = await requirePermission("customers:read", "/admin/customers");
  const { id } = await params;
  const sp = await searchParams;
  const kinds = ([] as string[])
    .concat(sp.kind ?? [])
    .filter((k): k is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(k));
  const [details, overview, brand, summary] = await Promise.all([
    getCustomerDetails({ actor, customerId: id }),
    getCustomerOverview({ actor, customerId: id }),
    getBranding(),
    getCustomerSummary({ actor, customerId: id }),
  ]).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const dunning = can(actor, "customers:read_financial")
    ? await getCustomerDunning({ actor, customerId: details.id })
    : null;
  const money = (minor: number) => formatMoney(minor, details.currency, brand.locale);
  const when = (d: Date | null) => (
    <DateTime value={d} locale={brand.locale} timeZone={brand.timeZone} />
  );
  const plans = overview.subscriptions.filter((s) => !s.parentId);
  const addons = (parentId: string) =>
    overview.subscriptions.filter((s) => s.parentId === parentId);
  return (
    <>
      <Link href="/admin/customers" className="text-sm font-medium text-brand-700 hover:underline">
        ← Customers
      </Link>
      <PageHeader
        title={details.companyName ?? `${details.firstName} ${details.lastName}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{details.accountNumber}</span>
            <StatusBadge kind="customer" status={details.status} />
            <span>
              {customerTypeLabel(details.type)}
              {details.type === "BUSINESS" && ` · ${details.firstName} ${details.lastName}`}
            </span>
            {details.isDemo && <span className="text-amber-700">· demo data</span>}
          </span>
        }
        actions={
          <>
            {can(actor, "audit:read") && (
              <ButtonLink
                variant="secondary"
                href={`/admin/audit?customer=${encodeURIComponent(details.accountNumber)}`}
              >
                Activity
              </ButtonLink>
            )}
            {can(actor, "tickets:write") && (
              <ButtonLink variant="secondary" href={`/admin/tickets/new?customer=${details.id}`}>
                Open ticket
              </ButtonLink>
            )}
            {can(actor, "customers:write") &&
              plans.some((s) => s.status === "ACTIVE" || s.status === "SUSPENDED") && (
                <ButtonLink variant="secondary" href={`/admin/customers/${details.id}/change-plan`}>
                  Change plan
                </ButtonLink>
              )}
            {can(actor, "customers:write") && (
              <ButtonLink
                variant={can(actor, "payments:write") ? "secondary" : "primary"}
                href={`/admin/customers/${details.id}/edit`}
              >
                Edit contact details
              </ButtonLink>
            )}
            {can(actor, "payments:write") && (
              <ButtonLink href={`/admin/payments/new?customer=${details.id}`}>
                Record payment
              </ButtonLink>
            )}
          </>
        }
      />
      {sp.plan_changed && (
        <div className="mb-6">
          <Alert tone="success">
            The plan change is scheduled for the end of the billing period.
          </Alert>
        </div>
      )}
      {sp.service_request === "sent" && (
        <div className="mb-6">
          <Alert tone="success">
            The agreement is on its way to {details.email}. The service starts once it is signed.
          </Alert>
        </div>
      )}
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {summary.balance && (
          <Figure label={summary.balance.balance < 0 ? "In credit" : "Balance owed"}>
            {money(Math.abs(summary.balance.balance))}
            {summary.balance.overdue > 0 && (
              <span className="block text-xs font-medium text-red-700">
                {money(summary.balance.overdue)} overdue
              </span>
            )}
          </Figure>
        )}
        <Figure label="Services">{plans.length}</Figure>
        {summary.balance && (
          <Figure label="Pays by">
            {summary.paymentMethod
              ? `${paymentMethodLabel(summary.paymentMethod.kind)}${summary.paymentMethod.cardLast4 ? ` ·· ${summary.paymentMethod.cardLast4}` : ""}`
              : "Invoice (EFT)"}
          </Figure>
        )}
        {summary.openTickets !== null && (
          <Figure label="Open tickets">
            <Link
              className="text-brand-700 hover:underline"
              href={`/admin/tickets?customer=${details.id}&status=ALL`}
            >
              {summary.openTickets}
            </Link>
          </Figure>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader
              title="Services"
              description={`${plural(plans.length, "service")} active or pending`}
              action={
                can(actor, "orders:write") && details.status !== "CLOSED" ? (
                  <ButtonLink size="sm" href={`/admin/customers/${details.id}/services/new`}>
                    Add service
                  </ButtonLink>
                ) : undefined
              }
            />
            {plans.length === 0 ? (
              <EmptyState title="No services">
                Services appear when an order is activated.
              </EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100">
                {plans.map((s) => (
                  <li key={s.id} className="px-5 py-4">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div>
                        <p className="font-medium text-slate-900">
                          {s.product.name} <StatusBadge kind="subscription" status={s.status} />
                        </p>
                        <p className="text-sm text-slate-500">
                          {s.product.technology && technologyLabel(s.product.technology)}
                          {s.product.downloadMbps &&
                            ` · ${s.product.downloadMbps}/${s.product.uploadMbps} Mbps`}
                          {s.serviceAddress &&
                            ` · ${s.serviceAddress.line1}, ${s.serviceAddress.suburb ?? s.serviceAddress.city}`}
                        </p>
                      </div>
                      <div className="text-right text-sm">
                        <p className="tabular font-medium text-slate-900">
                          {money(s.price)} {perInterval(s.interval)}
                        </p>
                        <p className="text-slate-500">
                          Next bill {formatDate(s.nextBillDate, brand.locale)}
                        </p>
                      </div>
                    </div>
                    {addons(s.id).map((a) => (
                      <p
                        key={a.id}
                        className="mt-2 flex justify-between border-l-2 border-slate-200 pl-3 text-sm text-slate-600"
                      >
                        <span>+ {a.product.name}</span>
                        <span className="tabular">
                          {money(a.price)} {perInterval(a.interval)}
                        </span>
                      </p>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {can(actor, "orders:read") && (
            <ServiceRequestsCard actor={actor} customerId={details.id} brand={brand} />
          )}
          {/* Billing slot: the billing engineer's invoices, statement and balance live at /admin/invoices. */}
          {can(actor, "customers:read_financial") && (
            <Card>
              <CardHeader
                title="Billing"
                description="Invoices, statement, payments and balance"
                action={
                  <span className="flex gap-2">
                    {can(actor, "payments:read") && (
                      <ButtonLink
                        variant="secondary"
                        size="sm"
                        href={`/admin/payments?customer=${details.id}`}
                      >
                        Payments
                      </ButtonLink>
                    )}
                    <ButtonLink
                      variant="secondary"
                      size="sm"
                      href={`/admin/invoices?customer=${details.id}`}
                    >
                      Open invoices
                    </ButtonLink>
                  </span>
                }
              />
              <CardBody className="text-sm text-slate-600">
                Payment reference{" "}
                <span className="font-mono text-slate-900">{details.paymentReference}</span> ·
                billed in {details.currency}
                {can(actor, "billing:read") && (
                  <ResendInvoiceForm actor={actor} customerId={details.id} locale={brand.locale} />
                )}
              </CardBody>
            </Card>
          )}
          {dunning && (
            <DunningCard
              customerId={details.id}
              dunning={dunning}
              locale={brand.locale}
              canHold={can(actor, "billing:charge")}
            />
          )}
          {can(actor, "reports:read") && (
            <RiskCard actor={actor} customerId={details.id} locale={brand.locale} />
          )}
          <Card>
            <CardHeader title="Recent orders" />
            {overview.orders.length === 0 ? (
              <EmptyState title="No orders" />
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {overview.orders.map((o) => (
                  <li key={o.id} className="flex items-center justify-between px-5 py-3">
                    <Link
                      href={`/admin/orders/${o.id}`}
                      className="font-mono font-medium text-brand-700 hover:underline"
                    >
                      {o.number}
                    </Link>
                    <span className="flex items-center gap-3 text-slate-500">
                      {when(o.createdAt)} <StatusBadge kind="order" status={o.status} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {can(actor, "payments:read") && (
            <DebitOrdersCard actor={actor} customerId={id} locale={brand.locale} />
          )}
          <CustomerTimeline
            actor={actor}
            customerId={details.id}
            currency={details.currency}
            brand={brand}
            kinds={kinds}
            after={sp.after}
          />
        </div>
        <div className="space-y-6">
          <CustomerNotes customerId={details.id} pinned={summary.pinnedNotes} brand={brand} />
          <CustomerContactCards
            details={details}
            brand={brand}
            canSendPasswordLink={
              can(actor, "customers:write") || can(actor, "customers:read_financial")
            }
          />
        </div>
      </div>
    </>
  );
}
