// A message's wording: the staff override per channel where there is one, else the code default.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { DUNNING_TEMPLATES, type DunningTemplateKey } from "../dunning-templates";
import type { ResolvedTemplate } from "./template-schema";

export async function resolveTemplateTx(
  tx: Tx,
  event: DunningTemplateKey,
): Promise<ResolvedTemplate & { overridden: { EMAIL: boolean; SMS: boolean } }> {
  const rows = await tx.notificationTemplate.findMany({ where: { event } });
  const email = rows.find((r) => r.channel === "EMAIL");
  const sms = rows.find((r) => r.channel === "SMS");
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
