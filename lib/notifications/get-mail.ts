import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { addressText, parseMailFile } from "./mail-file";
import { openSealedFile, SEALED_HEADER } from "./sealed-secret";

// Password links in the outbox would let anyone who reads mail take over that account (an
// accounts clerk could become the admin). Only admins, who could do that anyway, see them:
// files keep the token sealed (sealed-secret.ts); files from earlier versions had it in clear.
const RESET_LINK = /(reset-password\?token=)[\w-]+/g;

export type GetMailOptions = { actor: Actor; id: string };

/** One message: headers, text body and attachment list. Viewing it is audited. */
export async function getMail({ actor, id }: GetMailOptions) {
  assertCan(actor, "mail:read");
  const m = await parseMailFile(id);
  const redact = actor.kind !== "system" && actor.role !== "ADMIN";
  const sealed = m.headers.get(SEALED_HEADER);
  const raw = m.text ?? "";
  const text = !redact && typeof sealed === "string" ? openSealedFile(raw, sealed) : raw;
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
