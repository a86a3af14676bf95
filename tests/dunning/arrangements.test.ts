// Payment arrangements on the sandbox clock: inside the rules agreed at once and dunning pauses,
// kept by payments (current again in the payment's transaction), outside the rules referred to
// ACCOUNTS, a missed instalment resuming the ladder at the configured step (and putting back a
// suspension the approval lifted), nothing sent twice, and the forecast saying all of it.
import { afterEach, beforeAll, expect, test } from "vitest";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { forecastDunning } from "@/lib/dunning/forecast-dunning";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { proposeArrangement } from "@/lib/dunning/arrangements/propose-arrangement";
import { decideArrangement } from "@/lib/dunning/arrangements/decide-arrangement";
import { updateArrangementPolicy } from "@/lib/dunning/arrangements/update-arrangement-policy";
import { DEFAULT_ARRANGEMENT_POLICY } from "@/lib/dunning/arrangements/arrangement-schema";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { setClock } from "@/lib/time/clock";
import { addDays, fromDbDate } from "@/lib/time/dates";
import { ACCOUNTS, at, history, overdueCustomer, setupIsp } from "./fixtures";

beforeAll(async () => {
  await setupIsp();
});
afterEach(() => setClock(undefined));

const ADMIN: Actor = { kind: "user", id: "u-admin", role: "ADMIN", name: "Ada" };
const asCustomer = (customerId: string): Actor => ({
  kind: "user",
  id: `u-${customerId}`,
  role: "CUSTOMER",
  name: "Customer",
  customerId,
});

async function sweepDays(from: string, to: string, customerIds: string[]) {
  for (let d = from; d <= to; d = addDays(d, 1))
    for (const hour of [7, 9, 16]) {
      at(d, hour);
      await runDunningSweep({ customerIds });
    }
}

const steps = async (customerId: string) =>
  (await history(customerId)).map((e) => `${fromDbDate(e.date)} ${e.step}`);
const state = async (customerId: string) =>
  (await db.dunningAccount.findUniqueOrThrow({ where: { customerId } })).state;
const pay = (customerId: string, date: string, amount: number) => {
  at(date, 12);
  return recordManualPayment({
    actor: ACCOUNTS,
    customerId,
    amount,
    currency: "ZAR",
    method: "EFT",
    receivedOn: date,
  });
};

test("inside the rules: agreed at once, dunning pauses, kept by payments", async () => {
  // Due Sat 6 June 2026; the overdue notice goes out on Sun 7 June.
  const { customer } = await overdueCustomer({ issued: "2026-05-30" });
  await sweepDays("2026-05-31", "2026-06-08", [customer.id]);
  at("2026-06-08", 10);
  const a = await proposeArrangement({
    actor: asCustomer(customer.id),
    customerId: customer.id,
    instalments: [
      { dueDate: "2026-06-10", amount: 20000 },
      { dueDate: "2026-06-25", amount: 30000 },
    ],
  });
  expect(a.status).toBe("ACTIVE");
  expect(a.total).toBe(50000);
  expect(await state(customer.id)).toBe("ARRANGED");
  const agreedMail = await db.notification.findMany({
    where: { customerId: customer.id, subject: { contains: "arrangement" } },
  });
  expect(agreedMail).toHaveLength(1);
  expect(agreedMail[0].text).toContain("1. ");

  // A second proposal while one is agreed is a conflict.
  await expect(
    proposeArrangement({
      actor: asCustomer(customer.id),
      customerId: customer.id,
      instalments: [{ dueDate: "2026-06-10", amount: 50000 }],
    }),
  ).rejects.toMatchObject({ code: "CONFLICT" });

  // Paid on time: no late fee, no throttle, nothing at all from the ladder.
  await pay(customer.id, "2026-06-10", 20000);
  await sweepDays("2026-06-09", "2026-06-24", [customer.id]);
  expect(await state(customer.id)).toBe("ARRANGED");
  // The last payment returns the account to current in its own transaction.
  await pay(customer.id, "2026-06-24", 30000);
  expect(await state(customer.id)).toBe("CURRENT");
  await sweepDays("2026-06-25", "2026-07-10", [customer.id]);
  expect(await steps(customer.id)).toEqual([
    "2026-06-03 reminder",
    "2026-06-07 overdue-notice",
    "2026-06-08 arrangement-agreed",
    "2026-06-24 arrangement-kept",
  ]);
});

test("outside the rules: referred to ACCOUNTS, dunning goes on until approved; bad input is a 400", async () => {
  const { customer } = await overdueCustomer({ issued: "2026-05-30" });
  at("2026-06-08", 10);
  const me = asCustomer(customer.id);
  await expect(
    proposeArrangement({
      actor: me,
      customerId: customer.id,
      instalments: [{ dueDate: "2026-06-10", amount: 40000 }],
    }),
  ).rejects.toMatchObject({ code: "VALIDATION", fields: { instalments: expect.any(String) } });
  await expect(
    proposeArrangement({
      actor: me,
      customerId: customer.id,
      instalments: [{ dueDate: "2026-06-01", amount: 50000 }],
    }),
  ).rejects.toMatchObject({ code: "VALIDATION", fields: { firstDate: expect.any(String) } });
  await expect(
    proposeArrangement({
      actor: asCustomer("someone-else"),
      customerId: customer.id,
      instalments: [{ dueDate: "2026-06-10", amount: 50000 }],
    }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });

  // Five payments, a small first one, 90 days: all three rules broken.
  const a = await proposeArrangement({
    actor: me,
    customerId: customer.id,
    instalments: [0, 20, 40, 60, 90].map((d, i) => ({
      dueDate: addDays("2026-06-10", d),
      amount: i === 0 ? 2000 : 12000,
    })),
  });
  expect(a.status).toBe("PENDING");
  expect(a.referReasons).toHaveLength(3);
  expect(await db.dunningAccount.findUnique({ where: { customerId: customer.id } })).toBeNull();
  await expect(
    decideArrangement({
      actor: ACCOUNTS,
      customerId: customer.id,
      arrangementId: a.id,
      decision: "reject",
    }),
  ).rejects.toMatchObject({ code: "VALIDATION", fields: { reason: "required" } });
  const approved = await decideArrangement({
    actor: ACCOUNTS,
    customerId: customer.id,
    arrangementId: a.id,
    decision: "approve",
    reason: "long-standing customer",
  });
  expect(approved.status).toBe("ACTIVE");
  expect(approved.decidedBy).toBe("Ann");
  expect(await state(customer.id)).toBe("ARRANGED");
  const audit = await db.auditLog.findMany({
    where: { entityId: a.id },
    orderBy: { at: "asc" },
  });
  expect(audit.map((r) => r.action)).toEqual([
    "dunning.arrangement_propose",
    "dunning.arrangement_approve",
  ]);
});

test("a missed instalment resumes the ladder at the configured step, once; the forecast said so", async () => {
  await updateArrangementPolicy({
    actor: ADMIN,
    customerType: "BUSINESS",
    policy: { ...DEFAULT_ARRANGEMENT_POLICY, resumeStep: "soft-suspend" },
  });
  const { customer, subscription } = await overdueCustomer({
    issued: "2026-05-30",
    type: "BUSINESS",
  });
  await sweepDays("2026-05-31", "2026-06-08", [customer.id]);
  at("2026-06-08", 10);
  await proposeArrangement({
    actor: ACCOUNTS,
    customerId: customer.id,
    instalments: [
      { dueDate: "2026-06-10", amount: 25000 },
      { dueDate: "2026-06-24", amount: 25000 },
    ],
  });
  at("2026-06-08", 11);
  const forecast = await forecastDunning({ actor: SYSTEM, days: 14, customerIds: [customer.id] });
  expect(forecast.map((f) => `${f.date} ${f.step}`)).toEqual([
    "2026-06-11 arrangement-missed",
    "2026-06-11 soft-suspend",
    "2026-06-11 late-fee",
    "2026-06-15 suspend",
  ]);

  // Nothing paid on 10 June: on the 11th the arrangement breaks and the throttle comes at once.
  await sweepDays("2026-06-08", "2026-06-21", [customer.id]);
  const after = (await history(customer.id)).filter((e) => fromDbDate(e.date) >= "2026-06-09");
  const rows = (r: { date: string; step: string; amount: number }[]) =>
    r.map((x) => `${x.date} ${x.step} ${x.amount}`).sort();
  expect(rows(after.map((e) => ({ ...e, date: fromDbDate(e.date) })))).toEqual(rows(forecast));
  const arrangement = await db.paymentArrangement.findFirstOrThrow({
    where: { customerId: customer.id },
  });
  expect(arrangement.status).toBe("BROKEN");
  expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).status).toBe(
    "SUSPENDED",
  );
  const missedMail = await db.notification.findMany({
    where: { customerId: customer.id, subject: { contains: "lapsed" } },
  });
  expect(missedMail).toHaveLength(1);

  // Re-running any of those days sends and charges nothing more.
  const before = await db.notification.count({ where: { customerId: customer.id } });
  await sweepDays("2026-06-09", "2026-06-21", [customer.id]);
  expect(await db.notification.count({ where: { customerId: customer.id } })).toBe(before);
});

test("approving for a suspended account lifts the suspension; a break puts it back", async () => {
  const { customer, subscription } = await overdueCustomer({ issued: "2026-07-01" });
  // Due Wed 8 July: throttled on the 18th, suspended on the 22nd.
  await sweepDays("2026-07-02", "2026-07-23", [customer.id]);
  expect(await state(customer.id)).toBe("SUSPENDED");
  at("2026-07-23", 10);
  const fee = await db.dunningEvent.findFirstOrThrow({
    where: { customerId: customer.id, step: "late-fee" },
  });
  const a = await proposeArrangement({
    actor: asCustomer(customer.id),
    customerId: customer.id,
    instalments: [
      { dueDate: "2026-07-24", amount: 30000 },
      { dueDate: "2026-08-07", amount: 25000 },
    ],
  });
  expect(a.total).toBe(55000);
  expect(a.invoiceIds).toContain(fee.feeInvoiceId);
  const sub = () => db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
  expect((await sub()).status).toBe("ACTIVE");
  expect((await sub()).softSuspendedAt).toBeNull();

  await pay(customer.id, "2026-07-24", 30000);
  await sweepDays("2026-07-24", "2026-08-10", [customer.id]);
  // Due Fri 7 Aug and missed; no suspension on the weekend nor on Mon 10 Aug (Women's Day,
  // observed): the break waits for Tuesday.
  expect((await sub()).status).toBe("ACTIVE");
  await sweepDays("2026-08-11", "2026-08-11", [customer.id]);
  expect((await sub()).status).toBe("SUSPENDED");
  expect(await state(customer.id)).toBe("SUSPENDED");
  const events = (await history(customer.id)).map((e) => e.step);
  expect(events.filter((s) => s === "arrangement-missed")).toHaveLength(1);
  expect(events.filter((s) => s === "restore")).toHaveLength(0);
});
