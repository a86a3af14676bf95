import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/admin/action-form";
import { requireCustomer } from "@/lib/auth/session";
import { listMyServices } from "@/lib/portal/list-my-services";
import { getCustomerCurrency } from "@/lib/portal/get-customer-currency";
import { getServiceOptions } from "@/lib/subscriptions/get-service-options";
import { getBranding } from "@/lib/settings/get-branding";
import { formatMoney } from "@/lib/money/format-money";
import { perInterval } from "@/lib/format/labels";
import { ServiceSummary } from "../service-card";
import { ChangePlanPanel } from "@/components/subscriptions/change-plan-panel";
import { changePlanAction } from "./change-plan-action";
import { previewPlanChangeAction } from "./preview-plan-change-action";
import { CancelPanel } from "./cancel-panel";
import { addAddonAction } from "./add-addon-action";
import { cancelServiceAction } from "./cancel-service-action";

export const metadata = { title: "Manage service" };

const DONE: Record<string, string> = {
  changed: "Your plan change is scheduled.",
  added: "The add-on was added. It is billed from today with your next invoice.",
  cancelled: "Cancellation noted. Billing stops when the service ends; the date is shown below.",
};

export default async function ManageServicePage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([props.params, props.searchParams]);
  const actor = await requireCustomer(`/portal/services/${id}`);
  const [services, brand, currency] = await Promise.all([
    listMyServices({ actor, customerId: actor.customerId }),
    getBranding(),
    getCustomerCurrency({ actor, customerId: actor.customerId }),
  ]);
  // An add-on's id shows the service it belongs to.
  const s = services.find((x) => x.id === id || x.addons.some((a) => a.id === id));
  if (!s) notFound();
  const options = await getServiceOptions({ actor, subscriptionId: s.id });
  const money = (n: number) => formatMoney(n, currency, brand.locale);
  // Changes apply to a live service; a pending one is still being installed.
  const open = !s.cancelAt && (s.status === "ACTIVE" || s.status === "SUSPENDED");
  const done = Object.keys(DONE).find((k) => query[k]);
  return (
    <div className="space-y-6">
      <Link href="/portal/services" className="text-sm font-medium text-brand-700 hover:underline">
        ← Services
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{s.name}</h1>
      {done && <Alert tone="success">{DONE[done]}</Alert>}
      <Card>
        <ServiceSummary s={s} currency={currency} locale={brand.locale} />
      </Card>
      {open && (
        <Card>
          <CardHeader
            title="Change plan"
            description="Upgrades start today and are prorated; downgrades start when your billing period ends."
          />
          <CardBody>
            <ChangePlanPanel
              subscriptionId={s.id}
              currentPrice={s.price}
              plans={options.plans}
              currency={currency}
              locale={brand.locale}
              previewAction={previewPlanChangeAction}
              changeAction={changePlanAction}
            />
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader title="Add-ons" description="Extras billed with this service." />
        <ul className="divide-y divide-slate-100">
          {s.addons.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
              <span className="text-sm">
                <span className="font-medium text-slate-900">{a.name}</span>{" "}
                <span className="tabular text-slate-500">
                  {money(a.price)} {perInterval(a.interval)}
                </span>
              </span>
              {a.cancelAt ? (
                <span className="text-sm text-slate-500">Ending with this billing period</span>
              ) : (
                <ActionForm
                  action={cancelServiceAction}
                  submit={`Remove ${a.name} at period end`}
                  pending="Removing…"
                  variant="secondary"
                >
                  <input type="hidden" name="subscriptionId" value={a.id} />
                  <input type="hidden" name="returnTo" value={s.id} />
                </ActionForm>
              )}
            </li>
          ))}
          {open &&
            options.addons.map((a) => (
              <li
                key={a.id}
                className="flex flex-wrap items-center justify-between gap-3 px-5 py-3"
              >
                <span className="text-sm">
                  <span className="font-medium text-slate-900">{a.name}</span>{" "}
                  <span className="tabular text-slate-500">
                    {money(a.price)} {perInterval(a.interval)}
                  </span>
                  {a.description && <span className="block text-slate-500">{a.description}</span>}
                </span>
                <ActionForm action={addAddonAction} submit={`Add ${a.name}`} pending="Adding…">
                  <input type="hidden" name="subscriptionId" value={s.id} />
                  <input type="hidden" name="productId" value={a.id} />
                </ActionForm>
              </li>
            ))}
          {s.addons.length === 0 && (!open || options.addons.length === 0) && (
            <li className="px-5 py-3 text-sm text-slate-500">No add-ons available.</li>
          )}
        </ul>
      </Card>
      {open && (
        <Card>
          <CardHeader
            title="Cancel this service"
            description="See your last day and any early-termination fee before you confirm."
          />
          <CardBody>
            <CancelPanel subscriptionId={s.id} locale={brand.locale} />
          </CardBody>
        </Card>
      )}
    </div>
  );
}
