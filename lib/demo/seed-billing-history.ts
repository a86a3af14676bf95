// Gives the demo ISP a past: the billing run is replayed day by day over the last two months (as
// the daily job would have run), and on each day the EFT payments that arrived that day are
// recorded — most invoices are paid a few days before they fall due — so the ledger reads in date
// order, as a real one does, and every invoice's balance brought forward is what was owed when it
// was issued. Some customers are left behind on their latest invoice, so overdue accounts exist.
import "server-only";
import { addDays, formatISO } from "date-fns";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { recordPayment } from "@/lib/payments/record-payment";
import { withClockAt } from "@/lib/time/clock";

export const HISTORY_DAYS = 62;
const iso = (d: Date) => formatISO(d, { representation: "date" });
/** "Latest invoice" for a customer left behind: issued within the last month of the history. */
const LATEST_DAYS = 31;

type Due = { customerId: string; amount: number; number: string | null };

export async function seedBillingHistory(today: Date, rnd: () => number) {
  const todayIso = iso(today);
  const customers = await db.customer.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const behind = new Set(customers.filter(() => rnd() < 0.08).map((c) => c.id));
  const recent = iso(addDays(today, -LATEST_DAYS));
  const payOn = new Map<string, Due[]>(); // day → payments arriving that day
  for (let back = HISTORY_DAYS; back >= 0; back--) {
    const day = iso(addDays(today, -back));
    const at = new Date(`${day}T06:00:00Z`);
    await withClockAt(at, () => runBilling({ asOf: day, actor: SYSTEM, trigger: "cron" }));
    const issued = await db.invoice.findMany({
      where: { issueDate: new Date(`${day}T00:00:00Z`), status: "OPEN", total: { gt: 0 } },
      select: { customerId: true, total: true, number: true, dueDate: true },
      orderBy: { number: "asc" },
    });
    for (const inv of issued) {
      const due = iso(inv.dueDate);
      if (due > todayIso || (behind.has(inv.customerId) && day > recent)) continue;
      const paid = iso(addDays(inv.dueDate, -Math.floor(rnd() * 5)));
      const when = paid < day ? day : paid;
      const list = payOn.get(when) ?? [];
      list.push({ customerId: inv.customerId, amount: inv.total, number: inv.number });
      payOn.set(when, list);
    }
    for (const p of payOn.get(day) ?? []) {
      const receivedAt = new Date(`${day}T10:00:00Z`);
      await withClockAt(receivedAt, () =>
        recordPayment({
          customerId: p.customerId,
          amount: p.amount,
          method: "EFT",
          reference: p.number ?? undefined,
          receivedAt,
          actor: SYSTEM,
        }),
      );
    }
  }
}
