import { notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { parseMailFile } from "./mail-file";

export type GetMailAttachmentOptions = { actor: Actor; id: string; index: number };

/** The bytes of one attachment of a captured message, for download. */
export async function getMailAttachment({ actor, id, index }: GetMailAttachmentOptions) {
  assertCan(actor, "mail:read");
  const m = await parseMailFile(id);
  const a = Number.isInteger(index) ? m.attachments[index] : undefined;
  if (!a) throw notFound("Attachment");
  return {
    filename: a.filename ?? `attachment-${index + 1}`,
    contentType: a.contentType || "application/octet-stream",
    content: a.content,
  };
}
