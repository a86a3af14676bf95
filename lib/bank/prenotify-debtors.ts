// Pre-notification (SEPA: 14 days unless agreed otherwise): every debtor in a batch not yet
// collected is told the amount, date, mandate and creditor id once (dedupe key per item).
// Job bank.prenotify; idempotent.
import "server-only";
import { db } from "@/lib/db";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { formatMoney } from "@/lib/money/format-money";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { now } from "@/lib/time/clock";
import { fromDbDate, toDbDate } from "@/lib/time/dates";

export async function prenotifyDebtors({ limit = 1000 }: { limit?: number } = {}) {
  const today = await todayForIsp();
  const settings = await db.ispSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { name: true, creditorId: true, locale: true },
  });
  const items = await db.collectionItem.findMany({
    where: {
      prenotifiedAt: null,
      status: "PENDING",
      batch: {
        status: { in: ["DRAFT", "EXPORTED", "SUBMITTED"] },
        collectionDate: { gte: toDbDate(today) },
      },
    },
    include: {
      batch: { select: { collectionDate: true, currency: true } },
      mandate: { select: { mandateReference: true, accountLast4: true } },
      invoices: { include: { invoice: { select: { number: true } } } },
    },
    take: limit,
  });
  for (const item of items) {
    const customer = await db.customer.findUniqueOrThrow({
      where: { id: item.customerId },
      select: { email: true, firstName: true },
    });
    const amount = formatMoney(item.amount, item.batch.currency, settings.locale);
    const date = fromDbDate(item.batch.collectionDate);
    await db.$transaction(async (tx) => {
      await enqueueEmail(
        {
          to: customer.email,
          customerId: item.customerId,
          dedupeKey: `bank-prenotify:${item.id}`,
          subject: `Debit order of ${amount} on ${date}`,
          text:
            `Hello ${customer.firstName},\n\n${settings.name} will collect ${amount} from your account ` +
            `ending ${item.mandate.accountLast4} on or after ${date} for ` +
            `${item.invoices.map((l) => l.invoice.number).join(", ")}.\n` +
            `Mandate reference: ${item.mandate.mandateReference}\nCreditor id: ${settings.creditorId ?? ""}\n`,
        },
        tx,
      );
      await tx.collectionItem.update({ where: { id: item.id }, data: { prenotifiedAt: now() } });
    });
  }
  return { notified: items.length };
}
