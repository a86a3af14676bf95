// A message to every customer a search matches (an outage notice, a price change): one outbox
// row per customer, queued in batches through the list's keyset cursor, each with a dedupe key
// of the batch so a retried request sends nothing twice. Audited once with the filter and count.
// Capped, so a mistake cannot mail the whole base twice over. This is the marketing channel: a
// MARKETING message skips customers without marketing consent (Customer.marketingOptIn); a
// SERVICE message (an outage, a price change) goes to all.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { bulkMessageSchema, type BulkMessageInput } from "./bulk-message-schema";
import { searchCustomers } from "./search-customers";

export const BULK_MESSAGE_LIMIT = 50_000;

export type SendBulkMessageOptions = BulkMessageInput & { actor: Actor; batchId?: string };

export async function sendBulkMessage({ actor, batchId, ...input }: SendBulkMessageOptions) {
  assertCan(actor, "customers:write");
  const v = bulkMessageSchema.parse(input);
  const batch = batchId ?? randomUUID();
  let queued = 0;
  let skipped = 0;
  let after: string | undefined;
  do {
    const page = await searchCustomers({ actor, q: v.q, after, limit: 100 });
    if (queued + page.customers.length > BULK_MESSAGE_LIMIT)
      throw new AppError(
        "UNPROCESSABLE",
        `More than ${BULK_MESSAGE_LIMIT.toLocaleString("en")} customers match; narrow the search.`,
      );
    const consented =
      v.purpose === "MARKETING"
        ? new Set(
            (
              await db.customer.findMany({
                where: { id: { in: page.customers.map((c) => c.id) }, marketingOptIn: true },
                select: { id: true },
              })
            ).map((c) => c.id),
          )
        : null;
    const recipients = consented
      ? page.customers.filter((c) => consented.has(c.id))
      : page.customers;
    skipped += page.customers.length - recipients.length;
    await db.$transaction(async (tx) => {
      for (const c of recipients)
        await enqueueEmail(
          {
            to: c.email,
            subject: v.subject,
            text: `Hello ${c.firstName},\n\n${v.body}\n`,
            customerId: c.id,
            dedupeKey: `bulk:${batch}:${c.id}`,
          },
          tx,
        );
    });
    queued += recipients.length;
    after = page.nextCursor ?? undefined;
  } while (after);
  await recordAudit({
    actor,
    action: "customer.bulk_message",
    data: {
      batch,
      channel: v.channel,
      purpose: v.purpose,
      q: v.q ?? "",
      subject: v.subject,
      recipients: queued,
      withoutConsent: skipped,
    },
  });
  return { batch, queued, skipped };
}
