import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Field, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SlaBadge } from "@/components/ui/sla-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { TicketThread } from "@/components/tickets/ticket-thread";
import { TicketMessageFields } from "@/components/tickets/ticket-message-fields";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { TICKET_CATEGORIES, ticketCategoryLabel } from "@/lib/format/labels";
import { statusLabel, statusOptions } from "@/lib/format/status";
import { getBranding } from "@/lib/settings/get-branding";
import { ACCEPT_ATTR } from "@/lib/tickets/attachment-rules";
import { getTicket } from "@/lib/tickets/get-ticket";
import { listTicketAssignees } from "@/lib/tickets/list-ticket-assignees";
import { replyTicketAction } from "./reply-ticket-action";
import { updateTicketAction } from "./update-ticket-action";

export const metadata = { title: "Ticket" };

const SLA_WORDS = { met: "met", running: "due", breached: "missed" } as const;

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("tickets:read", "/admin/tickets");
  const { id } = await params;
  const [t, assignees, brand] = await Promise.all([
    getTicket({ actor, ticketId: id }),
    listTicketAssignees({ actor }),
    getBranding(),
  ]).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const at = (d: Date | null) => (
    <DateTime value={d} locale={brand.locale} timeZone={brand.timeZone} />
  );
  const write = can(actor, "tickets:write");
  const customerName = t.customer.companyName ?? `${t.customer.firstName} ${t.customer.lastName}`;
  return (
    <>
      <Link href="/admin/tickets" className="text-sm font-medium text-brand-700 hover:underline">
        ← Tickets
      </Link>
      <PageHeader
        title={t.subject}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{t.number}</span>
            <StatusBadge kind="ticket" status={t.status} />
            <StatusBadge kind="ticketPriority" status={t.priority} />
            <SlaBadge sla={t.sla} />
            <span>{ticketCategoryLabel(t.category)}</span>
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <TicketThread
            ticketId={t.id}
            messages={t.messages}
            locale={brand.locale}
            timeZone={brand.timeZone}
            viewer="staff"
          />
          {write && (
            <Card>
              <CardHeader
                title="Answer"
                description="The customer is emailed unless it is an internal note."
              />
              <CardBody>
                <ActionForm action={replyTicketAction} submit="Send">
                  <input type="hidden" name="ticketId" value={t.id} />
                  <TicketMessageFields accept={ACCEPT_ATTR} rows={5} />
                  <div className="grid gap-3 sm:grid-cols-2">
                    <label className="flex items-center gap-2 text-sm text-slate-700">
                      <input type="checkbox" name="internal" className="rounded border-slate-300" />
                      Internal note (staff only)
                    </label>
                    <Field label="Then set status" name="status">
                      <Select name="status" defaultValue="PENDING">
                        <option value="">
                          Leave as {statusLabel("ticket", t.status).toLowerCase()}
                        </option>
                        {statusOptions("ticket").map(([s, label]) => (
                          <option key={s} value={s}>
                            {label}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </div>
                </ActionForm>
              </CardBody>
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Customer" />
            <CardBody className="space-y-1 text-sm">
              <Link
                href={`/admin/customers/${t.customerId}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {customerName}
              </Link>
              <p className="font-mono text-xs text-slate-500">{t.customer.accountNumber}</p>
              <p className="break-all text-slate-600">{t.customer.email}</p>
              {t.subscription && (
                <p className="text-slate-600">
                  Service: {t.subscription.product.name}
                  {t.subscription.serviceAddress && ` · ${t.subscription.serviceAddress.line1}`}
                </p>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Service level" />
            <CardBody>
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm">
                <dt className="text-slate-500">Opened</dt>
                <dd>{at(t.createdAt)}</dd>
                <dt className="text-slate-500">First answer</dt>
                <dd
                  className={t.sla.firstResponse === "breached" ? "font-medium text-red-700" : ""}
                >
                  {SLA_WORDS[t.sla.firstResponse]} {at(t.firstRespondedAt ?? t.firstResponseDueAt)}
                </dd>
                <dt className="text-slate-500">Resolution</dt>
                <dd className={t.sla.resolution === "breached" ? "font-medium text-red-700" : ""}>
                  {SLA_WORDS[t.sla.resolution]} {at(t.resolvedAt ?? t.resolveDueAt)}
                </dd>
              </dl>
            </CardBody>
          </Card>
          {write && (
            <Card>
              <CardHeader title="Triage" />
              <CardBody>
                <ActionForm action={updateTicketAction} submit="Save" variant="secondary">
                  <input type="hidden" name="ticketId" value={t.id} />
                  <Field label="Status" name="triage-status">
                    <Select name="status" id="triage-status" defaultValue={t.status}>
                      {statusOptions("ticket").map(([s, label]) => (
                        <option key={s} value={s}>
                          {label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label="Priority" name="priority">
                    <Select name="priority" defaultValue={t.priority}>
                      {statusOptions("ticketPriority").map(([p, label]) => (
                        <option key={p} value={p}>
                          {label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label="Category" name="category">
                    <Select name="category" defaultValue={t.category}>
                      {TICKET_CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {ticketCategoryLabel(c)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label="Assigned to" name="assignedToId">
                    <Select name="assignedToId" defaultValue={t.assignedTo?.id ?? ""}>
                      <option value="">Nobody</option>
                      {assignees.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </ActionForm>
              </CardBody>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
