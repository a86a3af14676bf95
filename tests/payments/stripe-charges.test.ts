// Auto-pay against the fake Stripe: an off-session charge pays the invoice once; declines and
// authentication_required are recorded (the latter emails a pay link and is not retried); a
// sweep killed after Stripe charged is re-run without charging twice; retries follow the
// schedule on the sandbox clock; the janitor settles attempts left pending.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { chargeDueInvoices } from "@/lib/payments/stripe/charge-due-invoices";
import { chargeInvoice } from "@/lib/payments/stripe/charge-invoice";
import { reconcilePendingCharges } from "@/lib/payments/stripe/reconcile-pending-charges";
import { retryFailedCharges } from "@/lib/payments/stripe/retry-failed-charges";
import { setClock } from "@/lib/time/clock";
import type { FakeStripe } from "../support/fake-stripe";
import { balanceOf, invoiceState, setupIsp, travelTo } from "./fixtures";
import { attemptsOf, cardCustomer, deliver, useFakeStripe } from "./stripe-fixtures";

let stripe: FakeStripe;
beforeAll(async () => {
  await setupIsp();
  stripe = await useFakeStripe();
});
afterEach(() => setClock(undefined));
afterAll(() => stripe.stop());

/** Money Stripe actually took from this customer's cards. */
const chargesOf = (customerId: string) =>
  [...stripe.paymentIntents.values()].filter(
    (pi) =>
      pi.status === "succeeded" &&
      (pi.metadata as Record<string, string>).customerId === customerId,
  ).length;

describe("auto-pay", () => {
  test("a default card pays the invoice once: receipt number, ledger entry, receipt email", async () => {
    const { customer, invoices } = await cardCustomer(1);
    const before = stripe.stats.charges;
    const r = await chargeInvoice({ actor: SYSTEM, invoiceId: invoices[0].id });
    expect(r).toMatchObject({ result: "received" });
    expect(stripe.stats.charges).toBe(before + 1);
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID" });
    const [p] = await attemptsOf(customer.id);
    expect(p).toMatchObject({
      status: "SUCCEEDED",
      amount: invoices[0].total,
      idempotencyKey: `invoice:${invoices[0].id}:attempt:1`,
      number: expect.stringMatching(/^RCT-/),
      unallocated: 0,
    });
    expect(p.externalId).toMatch(/^pi_/);
    expect(await balanceOf(customer.id)).toBe(0);
    expect(
      await db.notification.count({
        where: { to: customer.email, subject: { contains: "receipt" } },
      }),
    ).toBe(1);
    // Paid: a second charge does nothing.
    expect(await chargeInvoice({ actor: SYSTEM, invoiceId: invoices[0].id })).toEqual({
      result: "skipped",
      reason: "invoice is paid",
    });
    expect(stripe.stats.charges).toBe(before + 1);
  });

  test("a decline is a FAILED attempt with the bank's reason; the invoice stays open", async () => {
    const { customer, invoices } = await cardCustomer(1, "decline");
    const r = await chargeInvoice({ actor: SYSTEM, invoiceId: invoices[0].id });
    expect(r).toMatchObject({ result: "failed", authenticationRequired: false });
    const [p] = await attemptsOf(customer.id);
    expect(p).toMatchObject({ status: "FAILED", number: null, unallocated: 0 });
    expect(p.failureReason).toContain("insufficient_funds");
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "OPEN", amountPaid: 0 });
    expect(await db.ledgerEntry.count({ where: { paymentId: p.id } })).toBe(0);
  });

  test("authentication_required emails a pay link and is never retried blindly", async () => {
    const { customer, invoices } = await cardCustomer(1, "auth");
    const r = await chargeInvoice({ actor: SYSTEM, invoiceId: invoices[0].id });
    expect(r).toMatchObject({ result: "failed", authenticationRequired: true });
    const mail = await db.notification.findFirstOrThrow({
      where: { to: customer.email, subject: { contains: "approve" } },
    });
    expect(mail.text).toMatch(/\/pay\/[\w-]+\.[\w-]+/);
    travelTo("2026-03-25");
    await retryFailedCharges({ actor: SYSTEM });
    expect(await attemptsOf(customer.id)).toHaveLength(1);
  });

  test("a sweep killed after Stripe charged is re-run without charging twice; an early webhook settles the pending attempt", async () => {
    const { customer, invoices } = await cardCustomer(1);
    travelTo("2026-01-10"); // the sweep charges recently issued invoices
    const charges = () => chargesOf(customer.id);
    stripe.stats.dropNext = 3; // the charge and the SDK's two retries lose their answers
    const first = await chargeDueInvoices({ actor: SYSTEM, invoiceId: invoices[0].id });
    expect(first.unknown).toBe(1);
    const [pending] = await attemptsOf(customer.id);
    expect(pending).toMatchObject({ status: "PENDING", externalId: null });
    expect(charges()).toBe(1); // Stripe did charge

    // Stripe's webhook arrives before we ever learnt the intent's id.
    const intent = [...stripe.paymentIntents.values()].find(
      (pi) => (pi.metadata as Record<string, string>).attemptKey === pending.idempotencyKey,
    )!;
    expect(await deliver(stripe, "payment_intent.succeeded", intent)).toMatchObject({
      status: "queued",
    });
    // The re-run sends the same idempotency key: Stripe replays, nothing is charged again.
    const again = await chargeDueInvoices({ actor: SYSTEM, invoiceId: invoices[0].id });
    expect(again.charged + again.failed + again.unknown).toBe(0);
    expect(charges()).toBe(1);
    const rows = await attemptsOf(customer.id);
    expect(rows.map((p) => p.status)).toEqual(["SUCCEEDED"]);
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID" });
  });

  test("a killed sweep's pending attempt is re-sent under its own key by the next sweep", async () => {
    const { customer, invoices } = await cardCustomer(1);
    travelTo("2026-01-10");
    const charges = () => chargesOf(customer.id);
    stripe.stats.dropNext = 3;
    await chargeDueInvoices({ actor: SYSTEM, invoiceId: invoices[0].id });
    const second = await chargeDueInvoices({ actor: SYSTEM, invoiceId: invoices[0].id });
    expect(second.charged).toBe(1);
    expect(charges()).toBe(1);
    const rows = await attemptsOf(customer.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "SUCCEEDED", attempt: 1 });
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID" });
  });

  test("retries follow the schedule (days 0, 3, 7) on the sandbox clock, then stop", async () => {
    const { customer, invoices, method } = await cardCustomer(1, "decline");
    travelTo("2026-03-16");
    await chargeInvoice({ actor: SYSTEM, invoiceId: invoices[0].id }); // day 0
    const run = async (day: string) => {
      travelTo(day);
      await retryFailedCharges({ actor: SYSTEM });
      return (await attemptsOf(customer.id)).length;
    };
    expect(await run("2026-03-17")).toBe(1);
    expect(await run("2026-03-18")).toBe(1);
    expect(await run("2026-03-19")).toBe(2); // day 3
    expect(await run("2026-03-19")).toBe(2); // once per scheduled day
    expect(await run("2026-03-22")).toBe(2);
    await db.paymentMethod.update({
      where: { id: method.id },
      data: { stripePaymentMethodId: `pm_ok_renewed_${method.id}` },
    });
    expect(await run("2026-03-23")).toBe(3); // day 7: the renewed card pays
    expect(await run("2026-04-30")).toBe(3);
    const rows = await attemptsOf(customer.id);
    expect(rows.map((r) => [r.attempt, r.status])).toEqual([
      [1, "FAILED"],
      [2, "FAILED"],
      [3, "SUCCEEDED"],
    ]);
    expect(rows.map((r) => r.idempotencyKey)).toEqual(
      [1, 2, 3].map((n) => `invoice:${invoices[0].id}:attempt:${n}`),
    );
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID" });
  });

  test("the auto-pay sweep charges what is due by the setting (finalised or due date)", async () => {
    const { customer, invoices } = await cardCustomer(1);
    await db.ispSettings.update({ where: { id: 1 }, data: { autoPayOn: "DUE_DATE" } });
    try {
      travelTo("2026-01-02"); // before the January invoice's due date
      await chargeDueInvoices({ actor: SYSTEM, invoiceId: invoices[0].id });
      expect(await attemptsOf(customer.id)).toHaveLength(0);
      travelTo(invoices[0].dueDate.toISOString().slice(0, 10));
      await chargeDueInvoices({ actor: SYSTEM, invoiceId: invoices[0].id });
      expect((await attemptsOf(customer.id)).map((p) => p.status)).toEqual(["SUCCEEDED"]);
    } finally {
      await db.ispSettings.update({ where: { id: 1 }, data: { autoPayOn: "FINALIZED" } });
    }
  });
});

describe("janitor", () => {
  test("asks Stripe about old pending attempts: settles the one Stripe charged, fails the one it never saw", async () => {
    const { customer, invoices } = await cardCustomer(2);
    stripe.stats.dropNext = 3;
    await chargeInvoice({ actor: SYSTEM, invoiceId: invoices[0].id });
    const lost = await db.payment.create({
      data: {
        customerId: customer.id,
        amount: invoices[1].total,
        currency: "ZAR",
        method: "CARD",
        provider: "STRIPE",
        status: "PENDING",
        attempt: 1,
        attemptKind: "AUTO_PAY",
        attemptInvoiceId: invoices[1].id,
        idempotencyKey: `invoice:${invoices[1].id}:attempt:1`,
        createdAt: new Date("2026-03-15T06:00:00Z"),
      },
    });
    travelTo("2026-03-15"); // 07:00: only the row from 06:00 is older than 15 minutes
    const early = await reconcilePendingCharges({ actor: SYSTEM });
    expect(early).toMatchObject({ neverReached: 1, settled: 0 });
    setClock(new Date("2026-03-15T08:00:00Z"));
    const later = await reconcilePendingCharges({ actor: SYSTEM });
    expect(later).toMatchObject({ settled: 1 });
    const rows = await attemptsOf(customer.id);
    expect(rows.find((r) => r.id === lost.id)).toMatchObject({
      status: "FAILED",
      failureReason: "no PaymentIntent at Stripe",
    });
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID" });
  });
});
