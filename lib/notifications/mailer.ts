// Sends one email: over SMTP when SMTP_URL is set, otherwise into DATA_DIR/mail/*.eml, which
// admins read at /admin/mail (the offline demo has no mail server).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

/** An attachment inline (small, one-off documents) or by reference, resolved when sending. */
export type Attachment = { filename: string; contentType: string; contentBase64: string };
export type AttachmentRef = {
  filename: string;
  contentType: string;
  ref: { kind: "invoice_pdf" | "credit_note_pdf"; id: string };
};
export type Email = {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: Attachment[];
  from?: string;
};

export const mailDir = () => path.resolve(env.DATA_DIR, "mail");
export const mailFrom = (senderName = "Lastmile") =>
  env.MAIL_FROM ?? `"${senderName.replace(/["\\]/g, "")}" <no-reply@localhost>`;

let smtp: nodemailer.Transporter | undefined;

export async function deliverEmail(email: Email): Promise<void> {
  const message = {
    from: email.from ?? mailFrom(),
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html ?? undefined,
    attachments: email.attachments?.map((a) => ({
      filename: a.filename,
      content: Buffer.from(a.contentBase64, "base64"),
      contentType: a.contentType,
    })),
  };
  if (env.SMTP_URL) {
    smtp ??= nodemailer.createTransport(env.SMTP_URL);
    await smtp.sendMail(message);
    return;
  }
  const file = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await file.sendMail(message);
  await mkdir(mailDir(), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const safeTo = email.to.replace(/[^a-z0-9@.+-]/gi, "_");
  await writeFile(
    path.join(mailDir(), `${stamp}_${safeTo}_${Math.random().toString(36).slice(2, 8)}.eml`),
    info.message as Buffer,
  );
}
