// Gives the demo ISP a past: the billing run is replayed day by day over the last two months (as
// the daily job would have run), and most invoices are paid by EFT a few days before they fell
// due. Some customers are left behind on their latest invoice, so overdue accounts exist too.
import "server-only";
import { addDays, formatISO } from "date-fns";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { recordPayment } from "@/lib/payments/record-payment";
import { withClockAt } from "@/lib/time/clock";

export const HISTORY_DAYS = 62;
const iso = (d: Date) => formatISO(d, { representation: "date" });

export async function seedBillingHistory(today: Date, rnd: () => number) {
  for (let back = HISTORY_DAYS; back >= 0; back--) {
    const day = iso(addDays(today, -back));
    await withClockAt(new Date(`${day}T06:00:00Z`), () =>
      runBilling({ asOf: day, actor: SYSTEM, trigger: "cron" }),
    );
  }
  const invoices = await db.invoice.findMany({
    where: { status: "OPEN", total: { gt: 0 } },
    select: { id: true, customerId: true, total: true, number: true, dueDate: true },
    orderBy: { issueDate: "asc" },
  });
  const latest = new Map(invoices.map((i) => [i.customerId, i.id]));
  const behind = new Set([...latest.keys()].filter(() => rnd() < 0.08));
  for (const inv of invoices) {
    const isLatest = latest.get(inv.customerId) === inv.id;
    if (isLatest && (behind.has(inv.customerId) || inv.dueDate > today)) continue;
    const receivedAt = new Date(
      Math.min(addDays(inv.dueDate, -Math.floor(rnd() * 5)).getTime(), today.getTime()),
    );
    await withClockAt(receivedAt, () =>
      recordPayment({
        customerId: inv.customerId,
        amount: inv.total,
        method: "EFT",
        reference: inv.number ?? undefined,
        receivedAt,
        actor: SYSTEM,
      }),
    );
  }
}
