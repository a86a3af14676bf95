// A staff note on a customer ("prefers calls after 17:00", "gate code 4411"); pinned notes head
// the 360° view. Any colleague who can see the customer may write one; each is audited.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { customerNoteSchema, type CustomerNoteInput } from "./customer-note-schema";

export type AddCustomerNoteOptions = CustomerNoteInput & { actor: Actor };

export async function addCustomerNote({ actor, ...input }: AddCustomerNoteOptions) {
  assertCan(actor, "customers:read");
  if (actor.kind === "user" && actor.role === "CUSTOMER") throw notFound("Customer");
  const v = customerNoteSchema.parse(input);
  const exists = await db.customer.findUnique({
    where: { id: v.customerId },
    select: { id: true },
  });
  if (!exists) throw notFound("Customer");
  return db.$transaction(async (tx) => {
    const note = await tx.customerNote.create({
      data: {
        customerId: v.customerId,
        authorId: actor.kind === "system" ? null : actor.id,
        authorName: actor.kind === "system" ? "System" : actor.name,
        body: v.body,
        pinnedAt: v.pinned ? now() : null,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actor,
        action: "customer.note",
        entityType: "CustomerNote",
        entityId: note.id,
        customerId: v.customerId,
        data: { pinned: v.pinned },
      },
      tx,
    );
    return note;
  });
}
