import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { getMail } from "@/lib/notifications/get-mail";
import { getBranding } from "@/lib/settings/get-branding";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format/numbers";

export const metadata = { title: "Message" };

export default async function MailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("mail:read", "/admin/mail");
  const { id } = await params;
  const [m, brand] = await Promise.all([
    getMail({ actor, id: decodeURIComponent(id) }).catch((e) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    getBranding(),
  ]);
  return (
    <>
      <Link href="/admin/mail" className="text-sm font-medium text-brand-700 hover:underline">
        ← Outgoing mail
      </Link>
      <PageHeader title={m.subject} />
      <Card>
        <dl className="grid grid-cols-[6rem_1fr] gap-x-4 gap-y-1 border-b border-slate-200 px-5 py-4 text-sm">
          <dt className="text-slate-500">From</dt>
          <dd>{m.from}</dd>
          <dt className="text-slate-500">To</dt>
          <dd>{m.to}</dd>
          <dt className="text-slate-500">Sent</dt>
          <dd>
            <DateTime value={m.date} locale={brand.locale} timeZone={brand.timeZone} />
          </dd>
        </dl>
        <CardBody>
          <pre className="whitespace-pre-wrap break-words font-sans text-sm leading-relaxed text-slate-800">
            {m.text || "(This message has no text part.)"}
          </pre>
        </CardBody>
        {m.attachments.length > 0 && (
          <div className="border-t border-slate-200 px-5 py-4">
            <h2 className="text-sm font-semibold text-slate-900">Attachments</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {m.attachments.map((a) => (
                <li key={a.index}>
                  <a
                    href={`/admin/mail/${encodeURIComponent(m.id)}/attachments/${a.index}`}
                    className="font-medium text-brand-700 hover:underline"
                    download
                  >
                    {a.filename}
                  </a>{" "}
                  <span className="text-slate-500">
                    ({a.contentType}, {formatBytes(a.size, brand.locale)})
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>
    </>
  );
}
