import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { listMyServices } from "@/lib/portal/list-my-services";
import { getBranding } from "@/lib/settings/get-branding";
import { getCustomerCurrency } from "@/lib/portal/get-customer-currency";
import { ServiceSummary } from "./service-card";

export const metadata = { title: "Services" };

export default async function ServicesPage() {
  const actor = await requireCustomer("/portal/services");
  const [services, brand, currency] = await Promise.all([
    listMyServices({ actor, customerId: actor.customerId }),
    getBranding(),
    getCustomerCurrency({ actor, customerId: actor.customerId }),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Services</h1>
        <ButtonLink href="/order" variant="secondary">
          Order another service
        </ButtonLink>
      </div>
      <Card>
        <CardHeader title="Your services" description="Change plan, add extras or cancel." />
        {services.length === 0 ? (
          <EmptyState title="No services yet">Your order is being processed.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {services.map((s) => (
              <li key={s.id}>
                <ServiceSummary s={s} currency={currency} locale={brand.locale} manage />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
