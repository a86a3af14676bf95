// Renders one message template for a customer and queues it in the outbox (email, and SMS where
// the ISP has a gateway and the customer a number and no opt-out), in the caller's transaction.
// The dedupe key makes a retried transaction queue nothing twice.
import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "./enqueue-email";
import { enqueueSms } from "./enqueue-sms";
import { smsGateway } from "./sms/sms-gateway";
import { gsmFriendly } from "./sms/sms-text";
import { DUNNING_TEMPLATES, renderTemplate, type DunningTemplateKey } from "./dunning-templates";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Paragraphs of the text body as HTML. */
export const textToHtml = (text: string) =>
  text
    .split("\n\n")
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

export async function sendTemplateTx(
  tx: Tx,
  opts: {
    key: DunningTemplateKey;
    vars: Record<string, string>;
    customerId: string;
    to: { email: string; phone: string | null; smsOptOut: boolean };
    dedupeKey: string;
  },
) {
  const t = DUNNING_TEMPLATES[opts.key];
  const text = renderTemplate(t.text, opts.vars);
  await enqueueEmail(
    {
      to: opts.to.email,
      subject: renderTemplate(t.subject, opts.vars),
      text,
      html: textToHtml(text),
      customerId: opts.customerId,
      dedupeKey: `${opts.dedupeKey}:email`,
    },
    tx,
  );
  if (opts.to.phone && !opts.to.smsOptOut && smsGateway())
    await enqueueSms(
      {
        to: opts.to.phone,
        text: gsmFriendly(renderTemplate(t.sms, opts.vars)),
        customerId: opts.customerId,
        dedupeKey: `${opts.dedupeKey}:sms`,
      },
      tx,
    );
}
