import { DateTime } from "@/components/ui/date-time";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

type Message = {
  id: string;
  authorName: string;
  fromStaff: boolean;
  internal: boolean;
  via: string;
  body: string;
  createdAt: Date;
  attachments: { id: string; filename: string; size: number }[];
};

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

/** A ticket's conversation, oldest first; internal notes stand out so nobody mistakes them. */
export function TicketThread({
  ticketId,
  messages,
  locale,
  timeZone,
  viewer,
}: {
  ticketId: string;
  messages: Message[];
  locale: string;
  timeZone: string;
  viewer: "staff" | "customer";
}) {
  return (
    <ol className="space-y-4" aria-label="Conversation">
      {messages.map((m) => {
        const mine = viewer === "staff" ? m.fromStaff : !m.fromStaff;
        return (
          <li
            key={m.id}
            className={cn(
              "rounded-lg p-4 ring-1",
              m.internal
                ? "bg-amber-50 ring-amber-200"
                : mine
                  ? "bg-brand-50 ring-brand-100 sm:ml-12"
                  : "bg-white ring-slate-200 sm:mr-12",
            )}
          >
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium text-slate-900">{m.authorName || "Customer"}</span>
              {m.fromStaff && viewer === "staff" && <Badge tone="brand">Staff</Badge>}
              {m.internal && <Badge tone="amber">Internal note</Badge>}
              {m.via === "EMAIL" && <Badge>By email</Badge>}
              <span className="text-slate-500">
                <DateTime value={m.createdAt} locale={locale} timeZone={timeZone} />
              </span>
            </p>
            <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800">{m.body}</p>
            {m.attachments.length > 0 && (
              <ul className="mt-3 flex flex-wrap gap-2 text-sm">
                {m.attachments.map((a) => (
                  <li key={a.id}>
                    <a
                      className="rounded bg-white px-2 py-1 text-brand-700 ring-1 ring-slate-200 hover:underline"
                      href={`/api/tickets/${ticketId}/attachments/${a.id}`}
                    >
                      📎 {a.filename} ({kb(a.size)})
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
