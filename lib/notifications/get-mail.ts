import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { addressText, parseMailFile } from "./mail-file";

// Password links in the outbox would let anyone who reads mail take over that account (an
// accounts clerk could become the admin). Only admins, who could do that anyway, see them.
const RESET_LINK = /(reset-password\?token=)[\w-]+/g;

export type GetMailOptions = { actor: Actor; id: string };

/** One message: headers, text body and attachment list. Viewing it is audited. */
export async function getMail({ actor, id }: GetMailOptions) {
  assertCan(actor, "mail:read");
  const m = await parseMailFile(id);
  const redact = actor.kind !== "system" && actor.role !== "ADMIN";
  const text = m.text ?? "";
  await recordAudit({ actor, action: "mail.view", entityType: "Mail", entityId: id });
  return {
    id,
    from: addressText(m.from),
    to: addressText(m.to),
    subject: m.subject ?? "(no subject)",
    date: m.date ?? null,
    text: redact ? text.replace(RESET_LINK, "$1[hidden: only admins see password links]") : text,
    hasHtml: Boolean(m.html),
    attachments: m.attachments.map((a, index) => ({
      index,
      filename: a.filename ?? `attachment-${index + 1}`,
      contentType: a.contentType,
      size: a.size,
    })),
  };
}
