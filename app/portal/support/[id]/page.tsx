import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { TicketThread } from "@/components/tickets/ticket-thread";
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
                <Field label="Message" name="body">
                  <Textarea name="body" rows={4} required maxLength={20000} />
                </Field>
                <Field label="Files (images, PDF, text; up to 5 of 10 MB)" name="attachments">
                  <input
                    id="attachments"
                    type="file"
                    name="attachments"
                    multiple
                    accept={ACCEPT_ATTR}
                    className="block w-full text-sm text-slate-700"
                  />
                </Field>
              </ActionForm>
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
