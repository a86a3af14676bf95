// Arrangement instalments collected by card, by the auto-pay sweep (payments.charge-due) against
// the fake Stripe on the sandbox clock: each instalment is charged once, on its due date, for
// what of it is still unpaid, under its own idempotency key; the money goes to the arranged
// invoices so the arrangement stays on track and is kept; a decline is a failed attempt, never
// retried blindly, and the instalment is missed once its grace passes (dunning resumes); a run
// killed after Stripe charged is re-sent under the same key and books the money once.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { proposeArrangement } from "@/lib/dunning/arrangements/propose-arrangement";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { sendAttempt } from "@/lib/payments/stripe/charge-invoice";
import { chargeDueInvoices } from "@/lib/payments/stripe/charge-due-invoices";
import { prepareInstalmentAttempts } from "@/lib/payments/stripe/prepare-instalment-attempts";
import { retryFailedCharges } from "@/lib/payments/stripe/retry-failed-charges";
import { setClock } from "@/lib/time/clock";
import { addDays, fromDbDate } from "@/lib/time/dates";
import type { FakeStripe } from "../support/fake-stripe";
import { balanceOf } from "../payments/fixtures";
import { attemptsOf, useFakeStripe } from "../payments/stripe-fixtures";
import { ACCOUNTS, at, history, overdueCustomer, setupIsp } from "./fixtures";

let stripe: FakeStripe;
beforeAll(async () => {
  await setupIsp();
  stripe = await useFakeStripe();
});
afterEach(() => setClock(undefined));
afterAll(() => stripe.stop());

const asCustomer = (customerId: string): Actor => ({
  kind: "user",
  id: `u-${customerId}`,
  role: "CUSTOMER",
  name: "Customer",
  customerId,
});

let cards = 0;
/** Overdue since Sat 6 June 2026 (50000), a default card, and an agreed 20000 + 30000 plan. */
async function arrangedCardCustomer(card: "ok" | "decline") {
  const { customer, invoiceId } = await overdueCustomer({ issued: "2026-05-30" });
  await db.customer.update({
    where: { id: customer.id },
    data: { stripeCustomerId: `cus_arr_${++cards}` },
  });
  await db.paymentMethod.create({
    data: {
      customerId: customer.id,
      kind: "CARD",
      isDefault: true,
      stripePaymentMethodId: `pm_${card}_arr_${cards}`,
      cardBrand: "visa",
      cardLast4: "4242",
      cardExpMonth: 12,
      cardExpYear: 2030,
    },
  });
  at("2026-06-08", 10);
  const arrangement = await proposeArrangement({
    actor: asCustomer(customer.id),
    customerId: customer.id,
    instalments: [
      { dueDate: "2026-06-10", amount: 20000 },
      { dueDate: "2026-06-25", amount: 30000 },
    ],
  });
  expect(arrangement.status).toBe("ACTIVE");
  return { customer, invoiceId, arrangement };
}

/** The auto-pay job's run at 06:00 local on `date`. */
const chargeOn = (date: string) => {
  at(date, 6);
  return chargeDueInvoices({ actor: SYSTEM });
};

async function sweepDays(from: string, to: string, customerIds: string[]) {
  for (let d = from; d <= to; d = addDays(d, 1))
    for (const hour of [9, 16]) {
      at(d, hour);
      await runDunningSweep({ customerIds });
    }
}

const state = async (customerId: string) =>
  (await db.dunningAccount.findUniqueOrThrow({ where: { customerId } })).state;
const steps = async (customerId: string) =>
  (await history(customerId)).map((e) => `${fromDbDate(e.date)} ${e.step}`);

/** Ledger balance = invoices − payments (no credit notes or voids in these scenarios). */
async function expectBooksBalance(customerId: string) {
  const [invoices, payments] = await Promise.all([
    db.invoice.aggregate({
      where: { customerId, status: { not: "DRAFT" } },
      _sum: { total: true },
    }),
    db.payment.aggregate({ where: { customerId, status: "SUCCEEDED" }, _sum: { amount: true } }),
  ]);
  expect(await balanceOf(customerId)).toBe(
    (invoices._sum.total ?? 0) - (payments._sum.amount ?? 0),
  );
}

test("each instalment is charged once on its due date, for what is unpaid; the arrangement is kept", async () => {
  const { customer, invoiceId, arrangement } = await arrangedCardCustomer("ok");
  const chargesBefore = stripe.stats.charges;

  // Agreed, not yet due: the arranged invoice is not charged whole, no instalment is due.
  expect(await chargeOn("2026-06-08")).toMatchObject({ charged: 0, failed: 0 });
  expect(await chargeOn("2026-06-09")).toMatchObject({ charged: 0 });
  expect(await attemptsOf(customer.id)).toEqual([]);

  // Due date: instalment 1 charged off-session under its own key, booked to the arranged invoice.
  expect(await chargeOn("2026-06-10")).toMatchObject({ charged: 1, failed: 0 });
  // A re-run (or a second run the same day, or the next day) charges nothing.
  expect(await chargeOn("2026-06-10")).toMatchObject({ charged: 0, failed: 0, unknown: 0 });
  expect(await chargeOn("2026-06-11")).toMatchObject({ charged: 0 });
  expect(stripe.stats.charges).toBe(chargesBefore + 1);
  const [first] = await attemptsOf(customer.id);
  expect(first).toMatchObject({
    status: "SUCCEEDED",
    amount: 20000,
    idempotencyKey: `arrangement:${arrangement.id}:instalment:1:attempt:1`,
    attemptKind: "AUTO_PAY",
    attemptInvoiceId: null,
    unallocated: 0,
  });
  expect(first.attemptInstalmentId).toBeTruthy();
  const allocated = await db.paymentAllocation.findMany({ where: { paymentId: first.id } });
  expect(allocated.map((a) => [a.invoiceId, a.amount])).toEqual([[invoiceId, 20000]]);

  // On track: the sweeps take no step; the account stays arranged.
  await sweepDays("2026-06-10", "2026-06-20", [customer.id]);
  expect(await state(customer.id)).toBe("ARRANGED");

  // Part of instalment 2 paid by EFT: the card is charged only the rest, on its due date.
  at("2026-06-20", 12);
  await recordManualPayment({
    actor: ACCOUNTS,
    customerId: customer.id,
    amount: 5000,
    currency: "ZAR",
    method: "EFT",
    receivedOn: "2026-06-20",
  });
  expect(await chargeOn("2026-06-24")).toMatchObject({ charged: 0 });
  expect(await chargeOn("2026-06-25")).toMatchObject({ charged: 1 });
  const second = (await attemptsOf(customer.id)).at(-1)!;
  expect(second).toMatchObject({
    status: "SUCCEEDED",
    amount: 25000,
    idempotencyKey: `arrangement:${arrangement.id}:instalment:2:attempt:1`,
  });
  // All in: kept in the payment's own transaction, the account current again.
  expect(
    await db.paymentArrangement.findUniqueOrThrow({ where: { id: arrangement.id } }),
  ).toMatchObject({ status: "KEPT" });
  expect(await state(customer.id)).toBe("CURRENT");
  expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
    status: "PAID",
  });
  await sweepDays("2026-06-25", "2026-07-05", [customer.id]);
  expect(await steps(customer.id)).toEqual([
    "2026-06-08 arrangement-agreed",
    "2026-06-25 arrangement-kept",
  ]);
  expect(stripe.stats.charges).toBe(chargesBefore + 2);
  await expectBooksBalance(customer.id);
});

test("a declined instalment is a failed attempt, not retried; after its grace the arrangement breaks", async () => {
  const { customer, invoiceId, arrangement } = await arrangedCardCustomer("decline");
  expect(await chargeOn("2026-06-10")).toMatchObject({ charged: 0, failed: 1 });
  const [attempt] = await attemptsOf(customer.id);
  expect(attempt).toMatchObject({
    status: "FAILED",
    amount: 20000,
    idempotencyKey: `arrangement:${arrangement.id}:instalment:1:attempt:1`,
  });
  expect(attempt.failureReason).toContain("insufficient_funds");
  // No blind retry: neither the sweep's next runs nor the retry schedule charge again.
  expect(await chargeOn("2026-06-10")).toMatchObject({ charged: 0, failed: 0 });
  at("2026-06-11", 5);
  expect(await retryFailedCharges({ actor: SYSTEM })).toMatchObject({ scheduled: 0 });
  expect(await attemptsOf(customer.id)).toHaveLength(1);

  // Still arranged on the due date itself; the first sweep after it breaks the arrangement and
  // dunning resumes at the policy's step.
  await sweepDays("2026-06-10", "2026-06-10", [customer.id]);
  expect(await state(customer.id)).toBe("ARRANGED");
  await sweepDays("2026-06-11", "2026-06-11", [customer.id]);
  expect(
    await db.paymentArrangement.findUniqueOrThrow({ where: { id: arrangement.id } }),
  ).toMatchObject({ status: "BROKEN" });
  const after = await steps(customer.id);
  expect(after.filter((s) => s.endsWith("arrangement-missed"))).toEqual([
    "2026-06-11 arrangement-missed",
  ]);
  expect(after).toContain("2026-06-11 overdue-notice");
  expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
    status: "OPEN",
    amountPaid: 0,
  });
  await expectBooksBalance(customer.id);
});

test("a run killed after Stripe charged is re-sent under the same key: charged and booked once", async () => {
  const { customer, arrangement } = await arrangedCardCustomer("ok");
  const chargesBefore = stripe.stats.charges;
  at("2026-06-10", 6);
  // The run recorded its attempt and Stripe charged, then the process died before booking.
  const [prepared] = await prepareInstalmentAttempts({ today: "2026-06-10", since: "2026-05-01" });
  expect(prepared.key).toBe(`arrangement:${arrangement.id}:instalment:1:attempt:1`);
  expect(await sendAttempt(prepared, null)).toHaveProperty("intent");
  expect(stripe.stats.charges).toBe(chargesBefore + 1);
  expect((await attemptsOf(customer.id)).map((p) => p.status)).toEqual(["PENDING"]);

  expect(await chargeOn("2026-06-10")).toMatchObject({ charged: 1 });
  expect(await chargeOn("2026-06-10")).toMatchObject({ charged: 0 });
  expect(stripe.stats.charges).toBe(chargesBefore + 1);
  const attempts = await attemptsOf(customer.id);
  expect(attempts.map((p) => [p.status, p.amount, p.idempotencyKey])).toEqual([
    ["SUCCEEDED", 20000, prepared.key],
  ]);
  await expectBooksBalance(customer.id);
});
