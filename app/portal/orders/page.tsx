import Link from "next/link";
import { Card, CardBody } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/table";
import { ButtonLink } from "@/components/ui/button";
import { requireCustomer } from "@/lib/auth/session";
import { listCustomerOrders } from "@/lib/orders/list-customer-orders";
import { listHeldOrders } from "@/lib/orders/list-held-orders";
import { Alert } from "@/components/ui/alert";
import { getBranding } from "@/lib/settings/get-branding";
import { perInterval } from "@/lib/format/labels";
import { ORDER_STEPS, orderStep } from "@/lib/format/status";
import { formatMoney } from "@/lib/money/format-money";
import type { Quote } from "@/lib/orders/build-quote";

export const metadata = { title: "Orders" };

export default async function PortalOrdersPage() {
  const actor = await requireCustomer("/portal/orders");
  const [orders, held, brand] = await Promise.all([
    listCustomerOrders({ actor, customerId: actor.customerId }),
    listHeldOrders({ actor }),
    getBranding(),
  ]);
  const dt = (v: Date | null) => (
    <DateTime value={v} locale={brand.locale} timeZone={brand.timeZone} />
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your orders</h1>
      {held.map((h) => (
        <Alert key={h.id} tone="warning">
          Order <span className="font-mono">{h.number}</span> was placed with your email address and
          waits for you.{" "}
          <Link href={`/order/confirm/${h.id}`} className="font-medium underline">
            Review and confirm it
          </Link>
        </Alert>
      ))}
      {orders.length === 0 ? (
        <Card>
          <EmptyState title="No orders yet">
            <ButtonLink href="/coverage" className="mt-3">
              Check coverage
            </ButtonLink>
          </EmptyState>
        </Card>
      ) : (
        orders.map((o) => {
          const q = o.quote as unknown as Quote;
          const step = orderStep(o.status);
          return (
            <Card key={o.id}>
              <CardBody className="space-y-4">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 className="font-semibold text-slate-900">
                      {q.plan.name}{" "}
                      <span className="font-mono text-sm font-normal text-slate-500">
                        {o.number}
                      </span>
                    </h2>
                    <p className="text-sm text-slate-500">
                      {o.serviceAddress
                        ? [o.serviceAddress.line1, o.serviceAddress.suburb, o.serviceAddress.city]
                            .filter(Boolean)
                            .join(", ")
                        : ""}{" "}
                      · placed {dt(o.createdAt)}
                    </p>
                  </div>
                  {o.contracts[0] && (
                    <a
                      href={`/api/contracts/${o.contracts[0].id}/pdf`}
                      target="_blank"
                      rel="noreferrer"
                      className="text-sm font-medium text-brand-700 hover:underline"
                    >
                      Signed agreement (PDF)
                    </a>
                  )}
                </div>
                {o.status === "CANCELLED" ? (
                  <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
                    This order was cancelled {dt(o.cancelledAt)}.
                  </p>
                ) : (
                  <ol
                    className="grid gap-2 sm:grid-cols-3"
                    aria-label={`Status: ${ORDER_STEPS[step]}`}
                  >
                    {ORDER_STEPS.map((s, i) => (
                      <li
                        key={s}
                        aria-current={i === step ? "step" : undefined}
                        className={cn(
                          "rounded-md border-t-4 px-3 py-2 text-sm",
                          i <= step
                            ? "border-brand-600 bg-brand-50 text-brand-900"
                            : "border-slate-200 bg-slate-50 text-slate-500",
                        )}
                      >
                        <span className="font-medium">{s}</span>
                        <span className="block text-xs">
                          {i === 0
                            ? dt(o.createdAt)
                            : i === 1
                              ? o.scheduledFor
                                ? dt(o.scheduledFor)
                                : (o.installPreference ?? "We will contact you")
                              : o.activatedAt
                                ? dt(o.activatedAt)
                                : "Billing starts then"}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
                <ul className="divide-y divide-slate-100 text-sm">
                  {q.lines.map((l, i) => (
                    <li key={i} className="flex justify-between gap-4 py-2">
                      <span>{l.description}</span>
                      <span className="tabular text-right">
                        {formatMoney(l.totalAmount, q.currency, brand.locale)}{" "}
                        <span className="text-slate-500">{perInterval(l.interval)}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          );
        })
      )}
    </div>
  );
}
