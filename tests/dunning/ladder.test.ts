// The ladder on the sandbox clock: each step on its day and hour, suspensions never on a weekend,
// a holiday or after the cut-off, nothing twice, and a payment lifting the suspension in its own
// transaction.
import { afterEach, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { setClock } from "@/lib/time/clock";
import { addDays, fromDbDate } from "@/lib/time/dates";
import { ACCOUNTS, at, history, overdueCustomer, setupIsp } from "./fixtures";

beforeAll(async () => {
  await setupIsp();
});
afterEach(() => setClock(undefined));

/** Runs the sweep at 07:00, 09:00 and 16:00 local on every day from `from` to `to`. */
async function sweepDays(from: string, to: string, customerIds: string[]) {
  for (let d = from; d <= to; d = addDays(d, 1))
    for (const hour of [7, 9, 16]) {
      at(d, hour);
      await runDunningSweep({ customerIds });
    }
}

test("the default ladder: each step on its day, suspensions moved off holidays and weekends", async () => {
  // Issued Sat 30 May, due Sat 6 June 2026. +10 is Youth Day (Tue 16 June), +14 a Saturday.
  const { customer, subscription, invoiceId } = await overdueCustomer({ issued: "2026-05-30" });
  await sweepDays("2026-05-31", "2026-07-25", [customer.id]);
  const steps = (await history(customer.id)).map((e) => [fromDbDate(e.date), e.step, e.amount]);
  expect(steps).toEqual([
    ["2026-06-03", "reminder", 50000],
    ["2026-06-07", "overdue-notice", 50000],
    ["2026-06-13", "late-fee", 5000],
    ["2026-06-17", "soft-suspend", 50000],
    ["2026-06-22", "suspend", 50000],
    ["2026-07-21", "collections", 50000],
  ]);
  const events = await history(customer.id);
  expect(events.every((e) => e.invoiceId === invoiceId)).toBe(true);
  // Messages outside quiet hours; suspensions before the 15:00 cut-off, at the 09:00 sweep.
  for (const e of events) {
    const hour = (e.at.getUTCHours() + 2) % 24;
    expect(hour).toBe(9);
  }
  const sub = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
  expect(sub.status).toBe("SUSPENDED");
  expect(sub.softSuspendedAt).not.toBeNull();
  const account = await db.dunningAccount.findUniqueOrThrow({ where: { customerId: customer.id } });
  expect(account.state).toBe("COLLECTIONS");
  // The late fee is its own invoice; the messages are in the outbox, one per step.
  const fee = events.find((e) => e.step === "late-fee")!;
  expect(fee.feeInvoiceId).toBeTruthy();
  const mail = await db.notification.findMany({ where: { customerId: customer.id } });
  const dunningMail = mail.filter((m) => m.dedupeKey?.startsWith("dunning:"));
  expect(dunningMail.map((m) => m.subject)).toEqual([
    expect.stringMatching(/is due on/),
    expect.stringMatching(/overdue/),
    expect.stringMatching(/late payment fee/),
    expect.stringMatching(/slowed/),
    expect.stringMatching(/suspended/),
    expect.stringMatching(/Final notice/),
  ]);
  expect(dunningMail.every((m) => m.to === customer.email)).toBe(true);
  expect(dunningMail[1].text).toContain("/pay/");

  // A re-run on any day changes nothing.
  const before = await db.notification.count();
  await sweepDays("2026-06-01", "2026-07-25", [customer.id]);
  expect(await db.dunningEvent.count({ where: { customerId: customer.id } })).toBe(6);
  expect(await db.notification.count()).toBe(before);
});

test("a payment that clears the must-pay set restores the service in its own transaction", async () => {
  const { customer, subscription, invoiceId } = await overdueCustomer({ issued: "2026-08-03" });
  await sweepDays("2026-08-04", "2026-08-26", [customer.id]);
  expect((await history(customer.id)).map((e) => e.step)).toContain("suspend");
  const fee = await db.dunningEvent.findFirstOrThrow({
    where: { customerId: customer.id, step: "late-fee" },
  });

  // Paying the invoice but not the late fee leaves the service suspended.
  at("2026-08-27", 10);
  await recordManualPayment({
    actor: ACCOUNTS,
    customerId: customer.id,
    amount: 50000,
    currency: "ZAR",
    method: "EFT",
    receivedOn: "2026-08-27",
    allocations: [{ invoiceId, amount: 50000 }],
  });
  expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).status).toBe(
    "SUSPENDED",
  );

  // The fee too: restored at once, no sweep in between.
  await recordManualPayment({
    actor: ACCOUNTS,
    customerId: customer.id,
    amount: 5000,
    currency: "ZAR",
    method: "EFT",
    receivedOn: "2026-08-27",
    allocations: [{ invoiceId: fee.feeInvoiceId!, amount: 5000 }],
  });
  const sub = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
  expect(sub.status).toBe("ACTIVE");
  expect(sub.softSuspendedAt).toBeNull();
  const suspension = await db.suspension.findFirstOrThrow({ where: { subscriptionId: sub.id } });
  expect(suspension.endDate && fromDbDate(suspension.endDate)).toBe("2026-08-27");
  const account = await db.dunningAccount.findUniqueOrThrow({ where: { customerId: customer.id } });
  expect(account.state).toBe("CURRENT");
  expect((await history(customer.id)).at(-1)?.step).toBe("restore");
});

test("a credit note that clears what must be paid is restored by the next sweep", async () => {
  const { customer, subscription, invoiceId } = await overdueCustomer({ issued: "2026-09-01" });
  await sweepDays("2026-09-02", "2026-09-24", [customer.id]);
  expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).status).toBe(
    "SUSPENDED",
  );
  const fee = await db.dunningEvent.findFirstOrThrow({
    where: { customerId: customer.id, step: "late-fee" },
  });
  at("2026-09-25", 10);
  for (const id of [invoiceId, fee.feeInvoiceId!]) {
    const inv = await db.invoice.findUniqueOrThrow({ where: { id } });
    await issueCreditNote({
      actor: ACCOUNTS,
      invoiceId: id,
      amount: inv.total,
      reason: "goodwill",
    });
  }
  at("2026-09-25", 11);
  await runDunningSweep({ customerIds: [customer.id] });
  expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).status).toBe(
    "ACTIVE",
  );
  expect((await history(customer.id)).at(-1)?.step).toBe("restore");
});
