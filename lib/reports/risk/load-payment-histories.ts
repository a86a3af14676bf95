// Every customer's invoice outcomes, payments and failed attempts over the last ~13 months, read
// in a few set-based queries and grouped per customer (the risk model's input).
import "server-only";
import { db } from "@/lib/db";
import { addDays, fromDbDate, type IsoDate } from "@/lib/time/dates";
import type { CustomerHistory } from "./risk-features";

const LOOKBACK_DAYS = 400;

export async function loadPaymentHistories(today: IsoDate): Promise<CustomerHistory[]> {
  const since = addDays(today, -LOOKBACK_DAYS);
  const [customers, invoices, payments] = await Promise.all([
    db.$queryRaw<{ id: string; business: boolean; firstStart: Date | null }[]>`
      SELECT c.id, c.type = 'BUSINESS' AS business,
        (SELECT MIN(s."startDate") FROM "Subscription" s WHERE s."customerId" = c.id) AS "firstStart"
      FROM "Customer" c WHERE c.status IN ('ACTIVE', 'SUSPENDED')`,
    db.$queryRaw<
      { customerId: string; issueDate: Date; dueDate: Date; total: number; paidOn: Date | null }[]
    >`
      SELECT i."customerId", i."issueDate", i."dueDate", i.total,
        CASE WHEN i.status = 'PAID' THEN (SELECT MAX(p."receivedOn") FROM "PaymentAllocation" a
          JOIN "Payment" p ON p.id = a."paymentId" WHERE a."invoiceId" = i.id) END AS "paidOn"
      FROM "Invoice" i
      WHERE i.status IN ('OPEN', 'PARTIALLY_PAID', 'PAID', 'UNCOLLECTIBLE') AND i.total > 0
        AND i."issueDate" >= ${since}::date
      ORDER BY i."issueDate"`,
    db.$queryRaw<{ customerId: string; on: Date; automatic: boolean; failed: boolean }[]>`
      SELECT "customerId", "receivedOn" AS on, method IN ('DEBIT_ORDER', 'CARD') AS automatic,
        status = 'FAILED' AS failed
      FROM "Payment" WHERE status <> 'PENDING' AND "receivedOn" >= ${since}::date
      ORDER BY "receivedOn"`,
  ]);
  const byId = new Map<string, CustomerHistory>(
    customers.map((c) => [
      c.id,
      {
        customerId: c.id,
        business: c.business,
        firstStart: c.firstStart ? fromDbDate(c.firstStart) : null,
        invoices: [],
        payments: [],
        failures: [],
      },
    ]),
  );
  for (const i of invoices)
    byId.get(i.customerId)?.invoices.push({
      issueDate: fromDbDate(i.issueDate),
      dueDate: fromDbDate(i.dueDate),
      total: i.total,
      paidOn: i.paidOn ? fromDbDate(i.paidOn) : null,
    });
  for (const p of payments) {
    const h = byId.get(p.customerId);
    if (!h) continue;
    if (p.failed) h.failures.push(fromDbDate(p.on));
    else h.payments.push({ on: fromDbDate(p.on), automatic: p.automatic });
  }
  return [...byId.values()];
}
