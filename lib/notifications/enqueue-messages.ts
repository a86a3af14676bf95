// Many outbox messages in one statement, for batch senders (the dunning sweep): the same outbox
// rows enqueueEmail/enqueueSms write, and the same "send once" rule — a message whose dedupe key
// is already in the outbox is skipped, not written twice. Raw SQL over arrays: a statement whose
// shape does not change with the number of rows.
import "server-only";
import type { Tx } from "@/lib/db";
import { newId } from "@/lib/billing/ids";

export type OutboxMessage = {
  channel: "EMAIL" | "SMS";
  to: string;
  subject?: string;
  text: string;
  html?: string;
  customerId: string | null;
  dedupeKey: string;
};

/** Returns how many were new. */
export async function enqueueMessages(tx: Tx, messages: OutboxMessage[]): Promise<number> {
  if (!messages.length) return 0;
  const col = <T>(f: (m: OutboxMessage) => T) => messages.map(f);
  return tx.$executeRawUnsafe(
    `INSERT INTO "Notification" (id, channel, "to", subject, text, html, "customerId", "dedupeKey")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
     ON CONFLICT ("dedupeKey") DO NOTHING`,
    col(() => newId()),
    col((m) => m.channel),
    col((m) => m.to),
    col((m) => m.subject ?? null),
    col((m) => m.text),
    col((m) => m.html ?? null),
    col((m) => m.customerId),
    col((m) => m.dedupeKey),
  );
}
