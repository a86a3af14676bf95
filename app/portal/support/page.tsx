import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { ticketCategoryLabel } from "@/lib/format/labels";
import { getBranding } from "@/lib/settings/get-branding";
import { listTickets } from "@/lib/tickets/list-tickets";

export const metadata = { title: "Support" };

export default async function SupportPage() {
  const actor = await requireCustomer("/portal/support");
  const [{ tickets }, brand] = await Promise.all([
    listTickets({ actor, filter: { status: "ALL", limit: 100 } }),
    getBranding(),
  ]);
  return (
    <>
      <PageHeader
        title="Support"
        description="Ask us for help with a fault, your bill, an installation or your plan. We answer here and by email."
        actions={<ButtonLink href="/portal/support/new">New request</ButtonLink>}
      />
      <Card>
        {tickets.length === 0 ? (
          <EmptyState title="No requests yet">
            When you ask us something, the conversation appears here.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tickets.map((t) => (
              <li
                key={t.id}
                className="flex flex-wrap items-center justify-between gap-2 px-5 py-4"
              >
                <div className="min-w-0">
                  <Link
                    href={`/portal/support/${t.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {t.subject}
                  </Link>
                  <p className="text-sm text-slate-500">
                    <span className="font-mono">{t.number}</span> ·{" "}
                    {ticketCategoryLabel(t.category)} · last update{" "}
                    <DateTime
                      value={t.lastMessageAt}
                      locale={brand.locale}
                      timeZone={brand.timeZone}
                    />
                  </p>
                </div>
                <StatusBadge kind="ticket" status={t.status} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
