import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import { getCustomerDetails } from "@/lib/customers/get-customer-details";
import { getBranding } from "@/lib/settings/get-branding";
import { EditCustomerForm } from "./edit-customer-form";

export const metadata = { title: "Edit customer" };

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("customers:write", `/admin/customers/${id}/edit`);
  const c = await getCustomerDetails({ actor, customerId: id }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const brand = await getBranding();
  const a = c.billingAddress;
  const initial = {
    type: c.type,
    firstName: c.firstName,
    lastName: c.lastName,
    companyName: c.companyName ?? "",
    email: c.email,
    phone: c.phone ?? "",
    idNumber: c.idNumber ?? "",
    taxNumber: c.taxNumber ?? "",
    marketingOptIn: c.marketingOptIn,
    "address.line1": a?.line1 ?? "",
    "address.line2": a?.line2 ?? "",
    "address.suburb": a?.suburb ?? "",
    "address.city": a?.city ?? "",
    "address.postalCode": a?.postalCode ?? "",
    "address.region": a?.region ?? "",
    "address.country": a?.country ?? brand.locale.split("-")[1] ?? "",
  };
  return (
    <>
      <Link
        href={`/admin/customers/${c.id}`}
        className="text-sm font-medium text-brand-700 hover:underline"
      >
        ← {c.accountNumber}
      </Link>
      <PageHeader
        title={`Edit ${c.companyName ?? `${c.firstName} ${c.lastName}`}`}
        description="Changes are recorded in the audit log with the old and new values."
      />
      <EditCustomerForm customerId={c.id} initial={initial} />
    </>
  );
}
