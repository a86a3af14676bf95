// Shared by the mail viewer functions: where a message file lives and how to read it safely.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { notFound } from "@/lib/errors";
import { mailDir } from "./mailer";

const SAFE_NAME = /^[\w@.+-]+\.eml$/;

/** Parses DATA_DIR/mail/<id>; ids are bare file names, so no path can escape the folder. */
export async function parseMailFile(
  id: string,
  opts: { bodies?: boolean } = {},
): Promise<ParsedMail> {
  if (!SAFE_NAME.test(id) || path.basename(id) !== id) throw notFound("Message");
  const raw = await readFile(path.join(mailDir(), id)).catch(() => {
    throw notFound("Message");
  });
  return simpleParser(
    raw,
    opts.bodies === false
      ? { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true }
      : { skipTextToHtml: true },
  );
}

export const addressText = (a: ParsedMail["from"] | ParsedMail["to"]): string =>
  !a ? "" : Array.isArray(a) ? a.map((x) => x.text).join(", ") : a.text;
