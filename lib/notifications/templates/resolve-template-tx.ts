// A message's wording: the staff override per channel where there is one, else the code default.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { DUNNING_TEMPLATES, type DunningTemplateKey } from "../dunning-templates";
import type { ResolvedTemplate } from "./template-schema";

type OverrideRow = {
  event: string;
  channel: string;
  subject: string | null;
  text: string;
  html: string | null;
};

export async function resolveTemplateTx(tx: Tx, event: DunningTemplateKey) {
  return resolveFrom(await tx.notificationTemplate.findMany({ where: { event } }), event);
}

/** Every event's wording from one read (the dunning sweep renders a page of steps at once). */
export async function resolveAllTemplatesTx(tx: Tx) {
  const rows = await tx.notificationTemplate.findMany();
  return Object.fromEntries(
    (Object.keys(DUNNING_TEMPLATES) as DunningTemplateKey[]).map((e) => [e, resolveFrom(rows, e)]),
  ) as unknown as Record<DunningTemplateKey, ResolvedTemplate>;
}

function resolveFrom(
  rows: OverrideRow[],
  event: DunningTemplateKey,
): ResolvedTemplate & { overridden: { EMAIL: boolean; SMS: boolean } } {
  const email = rows.find((r) => r.event === event && r.channel === "EMAIL");
  const sms = rows.find((r) => r.event === event && r.channel === "SMS");
  const d = DUNNING_TEMPLATES[event];
  return {
    subject: email?.subject ?? d.subject,
    text: email?.text ?? d.text,
    html: email?.html ?? null,
    sms: sms?.text ?? d.sms,
    overridden: { EMAIL: !!email, SMS: !!sms },
  };
}

export const resolveTemplate = (event: DunningTemplateKey) => resolveTemplateTx(db, event);
