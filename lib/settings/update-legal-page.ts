// An admin edits the terms of service or the privacy notice; audited with the previous text's
// length so a change can be traced (the text itself is public).
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { legalPageSchema } from "./legal-page-schema";

export type UpdateLegalPageOptions = { actor: Actor; slug: string; title: string; body: string };

export async function updateLegalPage({ actor, ...input }: UpdateLegalPageOptions) {
  assertCan(actor, "settings:write");
  const v = legalPageSchema.parse(input);
  const updatedById = actor.kind === "system" ? null : actor.id;
  return db.$transaction(async (tx) => {
    const before = await tx.legalPage.findUnique({ where: { slug: v.slug } });
    const page = await tx.legalPage.upsert({
      where: { slug: v.slug },
      create: { ...v, updatedById },
      update: { title: v.title, body: v.body, updatedById },
    });
    await recordAudit(
      {
        actor,
        action: "settings.legal_page_update",
        entityType: "LegalPage",
        entityId: v.slug,
        data: {
          title: v.title,
          length: v.body.length,
          previousLength: before?.body.length ?? null,
        },
      },
      tx,
    );
    return page;
  });
}
