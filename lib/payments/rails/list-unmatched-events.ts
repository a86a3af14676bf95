// Provider events that could not be applied (a Pix the PSP does not know, a bad amount, a CNAB
// rejection): stored with the reason. Money that arrived but named no account or invoice of ours
// is not here: it waits in the bank review queue (review/queue-rail-confirmation-tx.ts).
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export type ListUnmatchedEventsOptions = { actor: Actor };

export async function listUnmatchedEvents(opts: ListUnmatchedEventsOptions) {
  assertCan(opts.actor, "payments:read");
  return db.webhookEvent.findMany({
    where: { source: { in: ["pix", "mpesa", "cnab240"] }, processedAt: null, error: { not: null } },
    orderBy: { receivedAt: "desc" },
    take: 100,
    select: {
      id: true,
      source: true,
      externalId: true,
      type: true,
      payload: true,
      error: true,
      receivedAt: true,
    },
  });
}
