// Inbound provider events are stored before anything acts on them (money rule 6), in the shared
// WebhookEvent table: `source` is the rail ("pix", "mpesa"), `externalId` the provider's id for
// the event (Pix endToEndId, M-PESA CheckoutRequestID or TransID), unique together, so a
// callback delivered twice is stored once and processed once.
import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";

export type ProviderEvent = {
  source: "pix" | "mpesa" | "cnab240";
  externalId: string;
  type: string;
  payload: object;
};

/** Stores the event unless it is there already; `fresh` is false for a replay. */
export async function storeProviderEvent(e: ProviderEvent) {
  const [row] = await db.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "WebhookEvent" (id, source, "externalId", type, payload, "receivedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (source, "externalId") DO NOTHING RETURNING id`,
    e.source,
    e.externalId,
    e.type,
    JSON.stringify(e.payload),
    now(),
  );
  if (row) return { id: row.id, fresh: true, processed: false };
  const existing = await db.webhookEvent.findUniqueOrThrow({
    where: { source_externalId: { source: e.source, externalId: e.externalId } },
    select: { id: true, processedAt: true },
  });
  return { id: existing.id, fresh: false, processed: existing.processedAt !== null };
}

/** Marks an event done, or records why it could not be applied (shown in the admin list). */
export async function markProviderEvent(id: string, error: string | null = null) {
  await db.webhookEvent.update({
    where: { id },
    data: { processedAt: error ? null : now(), error },
  });
}
