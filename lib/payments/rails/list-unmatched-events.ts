// Provider confirmations that paid nothing (an unknown paybill account, a Pix txid we did not
// issue): stored with the reason, for staff to apply by hand. The bank-file review queue is
// where they belong once it exists; until then the rails page lists them.
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
