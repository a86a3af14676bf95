import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { TicketThread } from "@/components/tickets/ticket-thread";
import { TicketMessageFields } from "@/components/tickets/ticket-message-fields";
import { requireCustomer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ticketCategoryLabel } from "@/lib/format/labels";
import { getBranding } from "@/lib/settings/get-branding";
import { ACCEPT_ATTR } from "@/lib/tickets/attachment-rules";
import { getTicket } from "@/lib/tickets/get-ticket";
import { replySupportTicketAction } from "./reply-support-ticket-action";

export const metadata = { title: "Support request" };

export default async function SupportTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCustomer("/portal/support");
  const { id } = await params;
  const [t, brand] = await Promise.all([getTicket({ actor, ticketId: id }), getBranding()]).catch(
    (e) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    },
  );
  return (
    <>
      <Link href="/portal/support" className="text-sm font-medium text-brand-700 hover:underline">
        ← Support
      </Link>
      <PageHeader
        title={t.subject}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{t.number}</span>
            <StatusBadge kind="ticket" status={t.status} />
            <span>{ticketCategoryLabel(t.category)}</span>
          </span>
        }
      />
      <div className="space-y-6">
        <TicketThread
          ticketId={t.id}
          messages={t.messages}
          locale={brand.locale}
          timeZone={brand.timeZone}
          viewer="customer"
        />
        {t.status === "CLOSED" ? (
          <p className="text-sm text-slate-600">
            This request is closed.{" "}
            <Link href="/portal/support/new" className="text-brand-700 underline">
              Open a new one
            </Link>{" "}
            if you still need help.
          </p>
        ) : (
          <Card>
            <CardHeader title="Reply" />
            <CardBody>
              <ActionForm action={replySupportTicketAction} submit="Send reply">
                <input type="hidden" name="ticketId" value={t.id} />
                <TicketMessageFields accept={ACCEPT_ATTR} />
              </ActionForm>
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
