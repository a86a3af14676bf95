import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { TicketFields } from "@/components/tickets/ticket-fields";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import { getCustomerOverview } from "@/lib/customers/get-customer-overview";
import { statusOptions } from "@/lib/format/status";
import { ACCEPT_ATTR } from "@/lib/tickets/attachment-rules";
import { openTicketAction } from "./open-ticket-action";

export const metadata = { title: "Open ticket" };

export default async function NewTicketPage({
  searchParams,
}: {
  searchParams: Promise<{ customer?: string }>;
}) {
  const actor = await requirePermission("tickets:write", "/admin/tickets/new");
  const { customer: customerId } = await searchParams;
  if (!customerId)
    return (
      <>
        <PageHeader title="Open ticket" />
        <Card>
          <EmptyState title="Choose the customer first">
            Find the customer in{" "}
            <Link className="text-brand-700 underline" href="/admin/customers">
              Customers
            </Link>{" "}
            and use <em>Open ticket</em> on their page.
          </EmptyState>
        </Card>
      </>
    );
  const c = await getCustomerOverview({ actor, customerId }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const services = c.subscriptions
    .filter((s) => !s.parentId)
    .map((s) => ({
      id: s.id,
      label: `${s.product.name}${s.serviceAddress ? ` · ${s.serviceAddress.line1}` : ""}`,
    }));
  return (
    <>
      <Link
        href={`/admin/customers/${c.id}`}
        className="text-sm font-medium text-brand-700 hover:underline"
      >
        ← {c.companyName ?? `${c.firstName} ${c.lastName}`}
      </Link>
      <PageHeader
        title="Open ticket"
        description={`For ${c.accountNumber}. The customer is emailed your message and can reply by email or in the portal.`}
      />
      <Card className="max-w-3xl">
        <CardBody>
          <ActionForm action={openTicketAction} submit="Open ticket">
            <input type="hidden" name="customerId" value={c.id} />
            <TicketFields services={services} accept={ACCEPT_ATTR} />
            <Field label="Priority" name="priority">
              <Select name="priority" defaultValue="NORMAL">
                {statusOptions("ticketPriority").map(([p, label]) => (
                  <option key={p} value={p}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
          </ActionForm>
        </CardBody>
      </Card>
    </>
  );
}
