// The offline demo has no mail server: deliverEmail writes .eml files and admins read them here.
import { readdir } from "node:fs/promises";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { addressText, parseMailFile } from "./mail-file";
import { mailDir } from "./mailer";

export type MailSummary = {
  id: string;
  from: string;
  to: string;
  subject: string;
  date: Date | null;
  attachments: number;
};

export type ListMailOptions = { actor: Actor; page?: number; perPage?: number; to?: string };

/** Newest first. File names start with the send time, so sorting names sorts by time. */
export async function listMail({ actor, ...opts }: ListMailOptions) {
  assertCan(actor, "mail:read");
  const perPage = opts.perPage ?? 50;
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const files = await readdir(mailDir()).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return [] as string[];
    throw e;
  });
  const needle = opts.to
    ?.trim()
    .toLowerCase()
    .replace(/[^a-z0-9@.+-]/g, "_");
  const names = files
    .filter((f) => f.endsWith(".eml") && (!needle || f.toLowerCase().includes(needle)))
    .sort()
    .reverse();
  const slice = names.slice((page - 1) * perPage, page * perPage);
  const messages: MailSummary[] = await Promise.all(
    slice.map(async (id) => {
      const m = await parseMailFile(id, { bodies: false });
      return {
        id,
        from: addressText(m.from),
        to: addressText(m.to),
        subject: m.subject ?? "(no subject)",
        date: m.date ?? null,
        attachments: m.attachments.length,
      };
    }),
  );
  return {
    messages,
    total: names.length,
    page,
    pages: Math.max(1, Math.ceil(names.length / perPage)),
  };
}
