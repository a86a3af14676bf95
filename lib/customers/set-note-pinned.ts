// Pins a note to the top of the 360° view, or unpins it. Audited.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { pinNoteSchema, type PinNoteInput } from "./customer-note-schema";

export type SetNotePinnedOptions = PinNoteInput & { actor: Actor };

export async function setNotePinned({ actor, ...input }: SetNotePinnedOptions) {
  assertCan(actor, "customers:read");
  if (actor.kind === "user" && actor.role === "CUSTOMER") throw notFound("Note");
  const v = pinNoteSchema.parse(input);
  return db.$transaction(async (tx) => {
    const note = await tx.customerNote.findUnique({
      where: { id: v.noteId },
      select: { id: true, customerId: true },
    });
    if (!note) throw notFound("Note");
    await tx.customerNote.update({
      where: { id: note.id },
      data: { pinnedAt: v.pinned ? now() : null },
    });
    await recordAudit(
      {
        actor,
        action: v.pinned ? "customer.note_pin" : "customer.note_unpin",
        entityType: "CustomerNote",
        entityId: note.id,
        customerId: note.customerId,
      },
      tx,
    );
    return { customerId: note.customerId };
  });
}
