import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Input } from "@/components/ui/field";
import { Button, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { listMail } from "@/lib/notifications/list-mail";
import { plural } from "@/lib/format/plural";
import { getBranding } from "@/lib/settings/get-branding";

export const metadata = { title: "Outgoing mail" };

export default async function MailPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; to?: string }>;
}) {
  const actor = await requirePermission("mail:read", "/admin/mail");
  const sp = await searchParams;
  const [mail, brand] = await Promise.all([
    listMail({ actor, page: Number(sp.page) || 1, to: sp.to }),
    getBranding(),
  ]);
  const pageLink = (page: number) =>
    `/admin/mail?${new URLSearchParams({ ...(sp.to && { to: sp.to }), page: String(page) })}`;
  return (
    <>
      <PageHeader
        title="Outgoing mail"
        description="No mail server is configured (SMTP_URL), so emails are kept here instead of being sent."
      />
      <form className="mb-4 flex max-w-md gap-2" role="search">
        <label htmlFor="to" className="sr-only">
          Recipient
        </label>
        <Input name="to" defaultValue={sp.to} placeholder="Filter by recipient address" />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <Card>
        {mail.messages.length === 0 ? (
          <EmptyState title={sp.to ? "No mail to that address" : "No mail yet"}>
            Invoices, password links and order confirmations appear here when they are sent.
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Sent</Th>
                <Th>To</Th>
                <Th>Subject</Th>
                <Th>From</Th>
                <Th numeric>Files</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {mail.messages.map((m) => (
                <tr key={m.id} className="hover:bg-slate-50">
                  <Td className="text-slate-500">
                    <DateTime value={m.date} locale={brand.locale} timeZone={brand.timeZone} />
                  </Td>
                  <Td>{m.to}</Td>
                  <Td className="max-w-md truncate">
                    <Link
                      href={`/admin/mail/${encodeURIComponent(m.id)}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {m.subject}
                    </Link>
                  </Td>
                  <Td className="text-slate-500">{m.from}</Td>
                  <Td numeric>{m.attachments || ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {mail.pages > 1 && (
        <nav
          aria-label="Pages"
          className="mt-4 flex items-center justify-between text-sm text-slate-600"
        >
          <span>
            Page {mail.page} of {mail.pages} ·{" "}
            {plural(mail.total, "message", "messages", brand.locale)}
          </span>
          <span className="flex gap-2">
            {mail.page > 1 && (
              <ButtonLink variant="secondary" size="sm" href={pageLink(mail.page - 1)}>
                Newer
              </ButtonLink>
            )}
            {mail.page < mail.pages && (
              <ButtonLink variant="secondary" size="sm" href={pageLink(mail.page + 1)}>
                Older
              </ButtonLink>
            )}
          </span>
        </nav>
      )}
    </>
  );
}
