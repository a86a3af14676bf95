// Sends one email: over SMTP when SMTP_URL is set, otherwise into DATA_DIR/mail/*.eml, which
// admins read at /admin/mail (the offline demo has no mail server). Files are the owner's only
// (0600 in a 0700 folder): they hold customers' mail.
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { hideSecret, revealSecret, SEALED_HEADER } from "./sealed-secret";

/** An attachment inline (small, one-off documents) or by reference, resolved when sending. */
export type Attachment = { filename: string; contentType: string; contentBase64: string };
export type AttachmentRef = {
  filename: string;
  contentType: string;
  ref: { kind: "invoice_pdf" | "credit_note_pdf" | "receipt_pdf"; id: string };
};
export type Email = {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: Attachment[];
  from?: string;
  /** The sealed token for SECRET_MARK in text/html (see sealed-secret.ts). */
  sealedSecret?: string | null;
};

export const mailDir = () => path.resolve(env.DATA_DIR, "mail");
export const mailFrom = (senderName = "Lastmile") =>
  env.MAIL_FROM ?? `"${senderName.replace(/["\\]/g, "")}" <no-reply@localhost>`;

let smtp: { url: string; transport: nodemailer.Transporter } | undefined;

export async function deliverEmail(email: Email): Promise<void> {
  const sealed = email.sealedSecret;
  const message = (body: (s: string) => string) => ({
    from: email.from ?? mailFrom(),
    to: email.to,
    subject: email.subject,
    text: body(email.text),
    html: email.html ? body(email.html) : undefined,
    attachments: email.attachments?.map((a) => ({
      filename: a.filename,
      content: Buffer.from(a.contentBase64, "base64"),
      contentType: a.contentType,
    })),
  });
  if (env.SMTP_URL) {
    if (smtp?.url !== env.SMTP_URL)
      smtp = { url: env.SMTP_URL, transport: nodemailer.createTransport(env.SMTP_URL) };
    await smtp.transport.sendMail(message((s) => (sealed ? revealSecret(s, sealed) : s)));
    return;
  }
  const file = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await file.sendMail({
    ...message(hideSecret),
    headers: sealed ? { [SEALED_HEADER]: sealed } : undefined,
  });
  await mkdir(mailDir(), { recursive: true, mode: 0o700 });
  await chmod(mailDir(), 0o700); // folders made by earlier versions were world-readable
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const safeTo = email.to.replace(/[^a-z0-9@.+-]/gi, "_");
  await writeFile(
    path.join(mailDir(), `${stamp}_${safeTo}_${Math.random().toString(36).slice(2, 8)}.eml`),
    info.message as Buffer,
    { mode: 0o600 },
  );
}
