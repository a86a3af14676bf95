// Staff change a message's wording for one channel (Admin → Dunning → Messages), or put the code
// default back. Every placeholder must be one the event knows: an unknown one is a 400 naming the
// field, so a typo never reaches a customer as blank text. Audited with before and after.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import {
  templateOverrideSchema,
  unknownPlaceholders,
  type TemplateOverrideInput,
} from "./template-schema";
import { resolveTemplateTx } from "./resolve-template-tx";

export type SaveTemplateOverrideOptions = TemplateOverrideInput & {
  actor: Actor;
  /** Delete the override: the default applies again. */
  reset?: boolean;
};

export async function saveTemplateOverride({
  actor,
  reset,
  ...input
}: SaveTemplateOverrideOptions) {
  assertCan(actor, "settings:write");
  const parsed = templateOverrideSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      "VALIDATION",
      parsed.error.issues[0]?.message ?? "Invalid template",
      Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])),
    );
  const t = parsed.data;
  if (!reset) {
    const fields: Record<string, string> = {};
    const email = t.channel === "EMAIL";
    if (email && !t.subject) fields.subject = "is required";
    for (const [field, value] of [
      ["subject", email ? t.subject : undefined],
      ["text", t.text],
      ["html", email ? t.html : undefined],
    ] as const) {
      const unknown = value ? unknownPlaceholders(t.event, value) : [];
      if (unknown.length)
        fields[field] =
          `unknown placeholder${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `{{${u}}}`).join(", ")}`;
    }
    if (Object.keys(fields).length)
      throw new AppError("VALIDATION", Object.entries(fields)[0].join(": "), fields);
  }
  return db.$transaction(async (tx) => {
    const before = await resolveTemplateTx(tx, t.event);
    const key = { event_channel: { event: t.event, channel: t.channel } };
    if (reset)
      await tx.notificationTemplate.deleteMany({ where: { event: t.event, channel: t.channel } });
    else {
      const data = {
        subject: t.channel === "EMAIL" ? t.subject : null,
        text: t.text,
        html: t.channel === "EMAIL" ? t.html || null : null,
        updatedById: actor.kind === "system" ? null : actor.id,
      };
      await tx.notificationTemplate.upsert({
        where: key,
        create: { event: t.event, channel: t.channel, ...data },
        update: data,
      });
    }
    const after = await resolveTemplateTx(tx, t.event);
    await recordAudit(
      {
        actor,
        action: reset ? "notifications.template_reset" : "notifications.template_update",
        entityType: "NotificationTemplate",
        entityId: `${t.event}:${t.channel}`,
        data: { before, after },
      },
      tx,
    );
    return after;
  });
}
