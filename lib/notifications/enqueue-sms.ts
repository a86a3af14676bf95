// SMS into the same outbox as email (channel SMS): written in the transaction of the change that
// causes it, delivered with retries by deliverPendingNotifications through the configured gateway.
import "server-only";
import { db, type Tx } from "@/lib/db";

export async function enqueueSms(
  input: { to: string; text: string; customerId?: string | null; dedupeKey?: string },
  tx: Tx = db,
) {
  if (input.dedupeKey) {
    const existing = await tx.notification.findUnique({
      where: { dedupeKey: input.dedupeKey },
      select: { id: true },
    });
    if (existing) return existing;
  }
  return tx.notification.create({
    data: {
      channel: "SMS",
      to: input.to,
      text: input.text,
      customerId: input.customerId ?? null,
      dedupeKey: input.dedupeKey,
    },
    select: { id: true },
  });
}
