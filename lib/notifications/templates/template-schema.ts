// Editable message templates, the pure part (the admin editor's live preview renders with it,
// and the outbox with the same functions): which events and channels exist, the placeholders
// each may use, a sample customer and invoice for the preview, and the rendering itself.
import { z } from "zod";
import {
  DUNNING_TEMPLATES,
  renderTemplate,
  type DunningTemplateKey,
  type MessageTemplate,
} from "../dunning-templates";
import { gsmFriendly, smsEncoding, smsLength, smsParts } from "../sms/sms-text";

export const TEMPLATE_EVENTS = Object.keys(DUNNING_TEMPLATES) as DunningTemplateKey[];
export const TEMPLATE_CHANNELS = ["EMAIL", "SMS"] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

const COMMON = ["ispName", "firstName", "accountNumber", "amount", "dueDate", "payUrl"];
const STEP = [...COMMON, "fee", "gardenUrl", "pin"];
const ARRANGEMENT = [...COMMON, "nextAmount", "nextDueDate", "schedule", "portalUrl", "reason"];

export const placeholdersOf = (event: DunningTemplateKey) =>
  event.startsWith("arrangement-") ? ARRANGEMENT : STEP;

/** A sample customer and invoice for the editor's preview. */
export const SAMPLE_VARS: Record<string, string> = {
  ispName: "Boland Fibre",
  firstName: "Thandi",
  accountNumber: "A100234",
  amount: "R 499.00",
  fee: "R 50.00",
  dueDate: "7 Dec 2026",
  payUrl: "https://portal.example.net/pay/abc123",
  gardenUrl: "https://portal.example.net/suspended",
  pin: "482913",
  nextAmount: "R 250.00",
  nextDueDate: "10 Dec 2026",
  schedule: "1. 10 Dec 2026: R 250.00\n2. 24 Dec 2026: R 249.00",
  portalUrl: "https://portal.example.net/portal/arrangement",
  reason: "we need a first payment of at least R 125.00",
};

/** Placeholders used in `text` that `event` does not know. */
export function unknownPlaceholders(event: DunningTemplateKey, text: string): string[] {
  const known = new Set(placeholdersOf(event));
  return [...text.matchAll(/\{\{(\w*)\}\}/g)].map((m) => m[1]).filter((p) => !known.has(p));
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Paragraphs of a text body as HTML. */
export const textToHtml = (text: string) =>
  text
    .split("\n\n")
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

export type ResolvedTemplate = MessageTemplate & { html: string | null };

/** What goes out: subject, text, HTML (its own, or the text's paragraphs) and the SMS. */
export function renderMessage(t: ResolvedTemplate, vars: Record<string, string>) {
  const text = renderTemplate(t.text, vars);
  const escaped = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, escapeHtml(v)]));
  const sms = gsmFriendly(renderTemplate(t.sms, vars));
  return {
    subject: renderTemplate(t.subject, vars),
    text,
    html: t.html ? renderTemplate(t.html, escaped) : textToHtml(text),
    sms,
    smsLength: smsLength(sms),
    smsParts: smsParts(sms),
    smsEncoding: smsEncoding(sms),
  };
}

export const templateOverrideSchema = z.object({
  event: z.enum(TEMPLATE_EVENTS as [DunningTemplateKey, ...DunningTemplateKey[]]),
  channel: z.enum(TEMPLATE_CHANNELS),
  subject: z.string().trim().max(200, "at most 200 characters").optional(),
  text: z.string().trim().min(1, "is required").max(10_000, "at most 10,000 characters"),
  html: z.string().trim().max(50_000, "at most 50,000 characters").optional(),
});
export type TemplateOverrideInput = z.input<typeof templateOverrideSchema>;
