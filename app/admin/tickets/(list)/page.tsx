import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SlaBadge } from "@/components/ui/sla-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/roles";
import { TICKET_CATEGORIES, ticketCategoryLabel } from "@/lib/format/labels";
import { statusOptions } from "@/lib/format/status";
import { getBranding } from "@/lib/settings/get-branding";
import { listTickets } from "@/lib/tickets/list-tickets";
import { listTicketAssignees } from "@/lib/tickets/list-ticket-assignees";
import { ticketFilterSchema } from "@/lib/tickets/ticket-schemas";

export const metadata = { title: "Tickets" };

type Search = Record<string, string | undefined>;

const VIEWS = [
  ["", "Open queue"],
  ["assignee=me", "My tickets"],
  ["assignee=none", "Unassigned"],
  ["breached=true", "Past SLA"],
  ["status=ALL", "All tickets"],
] as const;

export default async function TicketsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission("tickets:read", "/admin/tickets");
  const sp = await searchParams;
  const parsed = ticketFilterSchema.safeParse({
    ...sp,
    q: sp.q || undefined,
    status: sp.status || undefined,
    category: sp.category || undefined,
    priority: sp.priority || undefined,
    assignee: sp.assignee || undefined,
    customerId: sp.customer || undefined,
    breached: sp.breached || undefined,
  });
  const filter = parsed.success ? parsed.data : { limit: 50 };
  const [{ tickets, nextCursor }, assignees, brand] = await Promise.all([
    listTickets({ actor, filter }),
    listTicketAssignees({ actor }),
    getBranding(),
  ]);
  const keep = new URLSearchParams(
    Object.entries(sp).filter(([k, v]) => v && k !== "after") as [string, string][],
  );
  const current = keep.toString();
  return (
    <>
      <PageHeader
        title="Tickets"
        description="Customers' requests, most recent activity first. Red rows are past their SLA target."
        actions={
          can(actor, "tickets:write") && (
            <ButtonLink href="/admin/tickets/new">Open ticket</ButtonLink>
          )
        }
      />
      <nav aria-label="Ticket views" className="mb-4 flex flex-wrap gap-2">
        {VIEWS.map(([q, label]) => (
          <Link
            key={label}
            href={`/admin/tickets${q ? `?${q}` : ""}`}
            aria-current={current === q ? "page" : undefined}
            className="rounded-full px-3 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white aria-[current=page]:ring-brand-700"
          >
            {label}
          </Link>
        ))}
      </nav>
      <form className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end">
        <Field label="Search" name="q">
          <Input name="q" defaultValue={sp.q} placeholder="T-… or subject" />
        </Field>
        <Field label="Status" name="status">
          <Select name="status" defaultValue={sp.status ?? ""}>
            <option value="">Open or waiting</option>
            <option value="ALL">Any</option>
            {statusOptions("ticket").map(([s, label]) => (
              <option key={s} value={s}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Category" name="category">
          <Select name="category" defaultValue={sp.category ?? ""}>
            <option value="">Any</option>
            {TICKET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {ticketCategoryLabel(c)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Priority" name="priority">
          <Select name="priority" defaultValue={sp.priority ?? ""}>
            <option value="">Any</option>
            {statusOptions("ticketPriority").map(([p, label]) => (
              <option key={p} value={p}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Assigned to" name="assignee">
          <Select name="assignee" defaultValue={sp.assignee ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Nobody</option>
            {assignees.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          <ButtonLink href="/admin/tickets" variant="ghost">
            Clear
          </ButtonLink>
        </div>
      </form>
      <Card>
        {tickets.length === 0 ? (
          <EmptyState title="No tickets match">
            Tickets appear when customers ask for help in the portal or by email, or when staff open
            one.
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Ticket</Th>
                <Th>Customer</Th>
                <Th>Category</Th>
                <Th>Status</Th>
                <Th>Assigned</Th>
                <Th>Last activity</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tickets.map((t) => (
                <tr
                  key={t.id}
                  className={t.sla.breached ? "bg-red-50 hover:bg-red-100" : "hover:bg-slate-50"}
                >
                  <Td>
                    <Link
                      href={`/admin/tickets/${t.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      <span className="font-mono text-xs">{t.number}</span> {t.subject}
                    </Link>
                  </Td>
                  <Td>
                    {t.customer.companyName ?? `${t.customer.firstName} ${t.customer.lastName}`}
                    <span className="block font-mono text-xs text-slate-500">
                      {t.customer.accountNumber}
                    </span>
                  </Td>
                  <Td>{ticketCategoryLabel(t.category)}</Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      <StatusBadge kind="ticket" status={t.status} />
                      <StatusBadge kind="ticketPriority" status={t.priority} />
                      <SlaBadge sla={t.sla} />
                    </span>
                  </Td>
                  <Td>{t.assignedTo?.name ?? <span className="text-slate-500">Nobody</span>}</Td>
                  <Td>
                    <DateTime
                      value={t.lastMessageAt}
                      locale={brand.locale}
                      timeZone={brand.timeZone}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {nextCursor && (
        <p className="mt-4 text-right">
          <ButtonLink
            variant="secondary"
            href={`/admin/tickets?${new URLSearchParams([...keep, ["after", nextCursor]])}`}
          >
            Older
          </ButtonLink>
        </p>
      )}
    </>
  );
}
