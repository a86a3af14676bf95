// Gives the demo ISP a past: the billing run is replayed day by day over the last two months (as
// the daily job would have run), and on each day the payments that arrived that day are recorded
// and the day's MRR snapshot is taken, so the ledger reads in date order, as a real one does, and
// the MRR report has its two months. Payment behaviour carries signal for the risk score: debit
// orders, long tenure and business accounts pay on time more often, and each customer keeps a
// habit, so past lateness predicts the next (lib/reports/risk). Late debit orders first fail
// with a bank reason. Some customers are left behind on their latest invoice, so overdue
// accounts exist.
import "server-only";
import { addDays, formatISO } from "date-fns";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { recordPayment } from "@/lib/payments/record-payment";
import { snapshotMrr } from "@/lib/reports/snapshot-mrr";
import { withClockAt } from "@/lib/time/clock";

export const HISTORY_DAYS = 62;
const iso = (d: Date) => formatISO(d, { representation: "date" });
/** "Latest invoice" for a customer left behind: issued within the last month of the history. */
const LATEST_DAYS = 31;
const DEBIT_FAILURES = [
  "Insufficient funds",
  "Payment stopped by account holder",
  "Account closed",
];

/** How a demo customer pays. `habit` is a lasting personal tendency to pay late (−1.5 … 1.5). */
export type Payer = { debitOrder: boolean; business: boolean; tenureMonths: number; habit: number };

/** The chance this customer pays an invoice after its due date. */
export function lateChance(p: Payer) {
  const x =
    -1.2 +
    (p.debitOrder ? -1.6 : 0.5) +
    (p.business ? -0.6 : 0.2) -
    0.08 * Math.min(p.tenureMonths, 24) +
    1.2 * p.habit;
  return 1 / (1 + Math.exp(-x));
}

type Due = { customerId: string; amount: number; number: string | null; method: Payer };
type Failure = { customerId: string; amount: number; number: string | null; reason: string };

export async function seedBillingHistory(
  today: Date,
  rnd: () => number,
  payers: ReadonlyMap<string, Payer> = new Map(),
) {
  const todayIso = iso(today);
  const customers = await db.customer.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  // Customers without a payer profile pay by EFT a few days early, as the seed always did.
  const punctual: Payer = { debitOrder: false, business: true, tenureMonths: 24, habit: -99 };
  const payerOf = (id: string) => payers.get(id) ?? punctual;
  const behind = new Set(
    customers.filter((c) => rnd() < 0.02 + 0.2 * lateChance(payerOf(c.id))).map((c) => c.id),
  );
  const recent = iso(addDays(today, -LATEST_DAYS));
  const payOn = new Map<string, Due[]>(); // day → payments arriving that day
  const failOn = new Map<string, Failure[]>(); // day → debit orders bouncing that day
  const push = <T>(map: Map<string, T[]>, day: string, item: T) =>
    map.set(day, [...(map.get(day) ?? []), item]);
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
      const payer = payerOf(inv.customerId);
      if (behind.has(inv.customerId) && day > recent) continue;
      const late = rnd() < lateChance(payer);
      const offset = late
        ? 2 + Math.floor(rnd() * 18)
        : payer.debitOrder
          ? 0
          : -Math.floor(rnd() * 5);
      const paid = iso(addDays(inv.dueDate, offset));
      if (late && payer.debitOrder && iso(inv.dueDate) <= todayIso) {
        const reason = DEBIT_FAILURES[Math.floor(rnd() * DEBIT_FAILURES.length)];
        push(failOn, iso(inv.dueDate), { ...inv, amount: inv.total, reason });
      }
      if (paid > todayIso) continue;
      const when = paid < day ? day : paid;
      push(payOn, when, {
        customerId: inv.customerId,
        amount: inv.total,
        number: inv.number,
        method: payer,
      });
    }
    for (const f of failOn.get(day) ?? []) {
      await db.payment.create({
        data: {
          customerId: f.customerId,
          amount: f.amount,
          currency: "ZAR",
          method: "DEBIT_ORDER",
          provider: "BANK",
          status: "FAILED",
          reference: f.number,
          failureReason: f.reason,
          receivedAt: new Date(`${day}T08:00:00Z`),
          receivedOn: new Date(`${day}T00:00:00Z`),
        },
      });
    }
    for (const p of payOn.get(day) ?? []) {
      const receivedAt = new Date(`${day}T10:00:00Z`);
      await withClockAt(receivedAt, () =>
        recordPayment({
          customerId: p.customerId,
          amount: p.amount,
          method: p.method.debitOrder ? "DEBIT_ORDER" : "EFT",
          reference: p.number ?? undefined,
          receivedAt,
          actor: SYSTEM,
        }),
      );
    }
    await withClockAt(new Date(`${day}T20:00:00Z`), () => snapshotMrr({ actor: SYSTEM, day }));
  }
}
