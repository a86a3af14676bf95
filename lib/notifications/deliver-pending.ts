// Sweeps the outbox. Safe to run anywhere, any number of times: each row is claimed with
// SKIP LOCKED, so two runners never send the same message.
import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { deliverEmail, mailFrom, type Attachment, type AttachmentRef } from "./mailer";
import { resolveAttachments } from "./resolve-attachments";
import { smsGateway } from "./sms/sms-gateway";

/** SMS through the configured gateway; without one the message waits (and fails after retries). */
async function deliverSms(to: string, text: string) {
  const gateway = smsGateway();
  if (!gateway) throw new Error("No SMS gateway is configured (SMS_PROVIDER)");
  await gateway.send({ to, text });
}

const MAX_ATTEMPTS = 5;

export async function deliverPendingNotifications(
  opts: { limit?: number; ids?: string[] } = {},
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const tried: string[] = []; // a failing message waits for the next sweep, not this one
  // Customers get mail from their ISP, not from "Lastmile" (MAIL_FROM still wins when set).
  const isp = await db.ispSettings.findUnique({ where: { id: 1 }, select: { name: true } });
  const from = mailFrom(isp?.name);
  for (let i = 0; i < (opts.limit ?? 200); i++) {
    const outcome = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Notification"
        WHERE "status" = 'PENDING' AND "attempts" < ${MAX_ATTEMPTS}
          AND (${opts.ids ?? null}::text[] IS NULL OR "id" = ANY(${opts.ids ?? null}::text[]))
          AND NOT ("id" = ANY(${tried}::text[]))
        ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!rows.length) return "empty" as const;
        const n = await tx.notification.findUniqueOrThrow({ where: { id: rows[0].id } });
        tried.push(n.id);
        try {
          if (n.channel === "SMS") await deliverSms(n.to, n.text);
          else
            await deliverEmail({
              from,
              to: n.to,
              subject: n.subject ?? "",
              text: n.text,
              html: n.html,
              sealedSecret: n.sealedSecret,
              attachments: await resolveAttachments(
                n.attachments as (Attachment | AttachmentRef)[] | null,
              ),
            });
          await tx.notification.update({
            where: { id: n.id },
            // The one-time token has reached the recipient: no copy of it stays with us.
            data: {
              status: "SENT",
              sentAt: now(),
              attempts: { increment: 1 },
              sealedSecret: null,
            },
          });
          return "sent" as const;
        } catch (e) {
          const attempts = n.attempts + 1;
          await tx.notification.update({
            where: { id: n.id },
            data: {
              attempts,
              lastError: String(e),
              status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
              ...(attempts >= MAX_ATTEMPTS && { sealedSecret: null }),
            },
          });
          return "failed" as const;
        }
      },
      { timeout: 60_000 },
    );
    if (outcome === "empty") break;
    if (outcome === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}
