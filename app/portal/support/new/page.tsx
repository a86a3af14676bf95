import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TicketFields } from "@/components/tickets/ticket-fields";
import { requireCustomer } from "@/lib/auth/session";
import { getCustomerOverview } from "@/lib/customers/get-customer-overview";
import { ACCEPT_ATTR } from "@/lib/tickets/attachment-rules";
import { openSupportTicketAction } from "./open-support-ticket-action";

export const metadata = { title: "New support request" };

export default async function NewSupportTicketPage() {
  const actor = await requireCustomer("/portal/support/new");
  const c = await getCustomerOverview({ actor, customerId: actor.customerId });
  const services = c.subscriptions
    .filter((s) => !s.parentId)
    .map((s) => ({
      id: s.id,
      label: `${s.product.name}${s.serviceAddress ? ` · ${s.serviceAddress.line1}` : ""}`,
    }));
  return (
    <>
      <Link href="/portal/support" className="text-sm font-medium text-brand-700 hover:underline">
        ← Support
      </Link>
      <PageHeader
        title="New support request"
        description="Tell us what is wrong; a screenshot or photo of the router lights helps."
      />
      <Card className="max-w-3xl">
        <CardBody>
          <ActionForm action={openSupportTicketAction} submit="Send request">
            <TicketFields services={services} accept={ACCEPT_ATTR} />
          </ActionForm>
        </CardBody>
      </Card>
    </>
  );
}
