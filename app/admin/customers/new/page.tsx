import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { RegisterCustomerForm } from "./register-customer-form";

export const metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  await requirePermission("customers:write", "/admin/customers/new");
  return (
    <>
      <Link href="/admin/customers" className="text-sm font-medium text-brand-700 hover:underline">
        ← Customers
      </Link>
      <PageHeader
        title="New customer"
        description="For walk-ins and phone sales. We warn you when the ID number, email or address is already on an account."
      />
      <RegisterCustomerForm />
    </>
  );
}
