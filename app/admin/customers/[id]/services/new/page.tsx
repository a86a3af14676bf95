import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { QueryProvider } from "@/components/storefront/query-provider";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import { getCustomerDetails } from "@/lib/customers/get-customer-details";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone } from "@/lib/time/dates";
import { ServiceRequestForm } from "./service-request-form";

export const metadata = { title: "Add service" };

export default async function AddServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("orders:write", `/admin/customers/${id}/services/new`);
  const [customer, settings] = await Promise.all([
    getCustomerDetails({ actor, customerId: id }).catch((e) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    getSettings(),
  ]);
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
        title="Add service"
        description={`A new service for ${name} (${customer.accountNumber}). Nothing is ordered or billed until the customer signs the agreement.`}
      />
      <QueryProvider>
        <ServiceRequestForm
          customerId={customer.id}
          today={dateInZone(now(), settings.timeZone)}
          currency={settings.currency}
          locale={settings.locale}
          hasPortalLogin={Boolean(customer.portalLogin?.active)}
        />
      </QueryProvider>
    </>
  );
}
