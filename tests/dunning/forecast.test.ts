// The simulator's promise: executing the next N days on the sandbox clock does exactly what the
// forecast said — same day, customer, step, invoices, amount and reason — with catch-up after a
// quiet period, auto-pay customers, a hold, a never-suspend account and credit waiting.
import { afterEach, beforeAll, expect, test } from "vitest";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { forecastDunning } from "@/lib/dunning/forecast-dunning";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { setClock } from "@/lib/time/clock";
import { addDays, fromDbDate, toDbDate } from "@/lib/time/dates";
import { ACCOUNTS, at, overdueCustomer, setupIsp } from "./fixtures";

beforeAll(async () => {
  await setupIsp();
});
afterEach(() => setClock(undefined));

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

test("executing 40 days hour by hour does exactly what the forecast said", async () => {
  const rand = random(42);
  const start = "2026-09-01";
  const ids: string[] = [];
  for (let i = 0; i < 24; i++) {
    const issued = addDays(start, -1 - Math.floor(rand() * 30));
    const { customer } = await overdueCustomer({
      issued,
      amount: 10000 + Math.floor(rand() * 90000),
      type: rand() < 0.3 ? "BUSINESS" : "RESIDENTIAL",
    });
    ids.push(customer.id);
    const roll = rand();
    if (roll < 0.15)
      await db.paymentMethod.create({
        data: { customerId: customer.id, kind: "CARD", isDefault: true, cardLast4: "4242" },
      });
    else if (roll < 0.2)
      await db.dunningAccount.create({ data: { customerId: customer.id, neverSuspend: true } });
    else if (roll < 0.25)
      await db.dunningAccount.create({
        data: {
          customerId: customer.id,
          holdUntil: toDbDate("2026-09-15"),
          holdReason: "promised",
        },
      });
    else if (roll < 0.3) {
      at(issued, 12);
      await recordManualPayment({
        actor: ACCOUNTS,
        customerId: customer.id,
        amount: 2000,
        currency: "ZAR",
        method: "EFT",
        receivedOn: issued,
        allocations: [],
      });
    }
  }

  at(start, 10);
  const forecast = await forecastDunning({ actor: SYSTEM, days: 40, customerIds: ids });
  expect(new Set(forecast.map((f) => f.step))).toEqual(
    new Set(["reminder", "overdue-notice", "late-fee", "soft-suspend", "suspend", "collections"]),
  );

  for (let d = 0; d < 40; d++) {
    const date = addDays(start, d);
    for (const hour of d === 0 ? [10, 14, 15, 21] : [7, 8, 15, 16, 23]) {
      at(date, hour);
      await runDunningSweep({ customerIds: ids });
    }
  }
  const executed = await db.dunningEvent.findMany({ where: { customerId: { in: ids } } });
  const key = (r: { date: string; customerId: string; step: string }) =>
    `${r.date} ${r.customerId} ${r.step}`;
  const actual = executed
    .map((e) => ({
      date: fromDbDate(e.date),
      customerId: e.customerId,
      step: e.step,
      invoiceIds: e.invoiceIds,
      amount: e.amount,
      reason: e.reason,
    }))
    .sort((a, b) => key(a).localeCompare(key(b)));
  expect(actual).toEqual([...forecast].sort((a, b) => key(a).localeCompare(key(b))));
});
