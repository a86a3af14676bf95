import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePlanPanel } from "@/components/subscriptions/change-plan-panel";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import { perInterval } from "@/lib/format/labels";
import { formatMoney } from "@/lib/money/format-money";
import { getCustomerOverview } from "@/lib/customers/get-customer-overview";
import { getServiceOptions } from "@/lib/subscriptions/get-service-options";
import { getBranding } from "@/lib/settings/get-branding";
import { staffChangePlanAction } from "./change-plan-action";
import { staffPreviewPlanChangeAction } from "./preview-plan-change-action";

export const metadata = { title: "Change plan" };

/** Staff change a plan on the customer's behalf with the portal's preview (upgrade now, prorated). */
export default async function StaffChangePlanPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ service?: string }>;
}) {
  const [{ id }, { service }] = await Promise.all([props.params, props.searchParams]);
  const actor = await requirePermission("customers:write", `/admin/customers/${id}/change-plan`);
  const [customer, brand] = await Promise.all([
    getCustomerOverview({ actor, customerId: id }).catch((e) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    getBranding(),
  ]);
  // Plans change on a live line; a pending one is still being installed.
  const live = customer.subscriptions.filter(
    (s) => !s.parentId && (s.status === "ACTIVE" || s.status === "SUSPENDED"),
  );
  const chosen = live.find((s) => s.id === service) ?? live[0];
  const options = chosen ? await getServiceOptions({ actor, subscriptionId: chosen.id }) : null;
  const money = (n: number) => formatMoney(n, customer.currency, brand.locale);
  const name = customer.companyName ?? `${customer.firstName} ${customer.lastName}`;
  return (
    <>
      <Link
        href={`/admin/customers/${customer.id}`}
        className="text-sm font-medium text-brand-700 hover:underline"
      >
        ← {name}
      </Link>
      <PageHeader
        title="Change plan"
        description="Upgrades start today, prorated and invoiced at once; downgrades start when the billing period ends."
      />
      {!chosen || !options ? (
        <Card>
          <EmptyState title="No live service">
            Plans change on an active or suspended service.
          </EmptyState>
        </Card>
      ) : (
        <div className="max-w-3xl space-y-6">
          {live.length > 1 && (
            <nav aria-label="Services" className="flex flex-wrap gap-2 text-sm">
              {live.map((s) => (
                <Link
                  key={s.id}
                  href={`/admin/customers/${customer.id}/change-plan?service=${s.id}`}
                  aria-current={s.id === chosen.id ? "page" : undefined}
                  className="rounded-md px-3 py-1.5 ring-1 ring-slate-200 aria-[current=page]:bg-brand-50 aria-[current=page]:ring-brand-600"
                >
                  {s.product.name}
                  {s.serviceAddress && ` · ${s.serviceAddress.line1}`}
                </Link>
              ))}
            </nav>
          )}
          <Card>
            <CardHeader
              title={chosen.product.name}
              description={`${money(chosen.price)} ${perInterval(chosen.interval)}${chosen.serviceAddress ? ` · ${chosen.serviceAddress.line1}, ${chosen.serviceAddress.suburb ?? chosen.serviceAddress.city}` : ""}`}
            />
            <CardBody>
              <ChangePlanPanel
                subscriptionId={chosen.id}
                currentPrice={chosen.price}
                plans={options.plans}
                currency={customer.currency}
                locale={brand.locale}
                previewAction={staffPreviewPlanChangeAction}
                changeAction={staffChangePlanAction}
                audience="staff"
              />
            </CardBody>
          </Card>
        </div>
      )}
    </>
  );
}
