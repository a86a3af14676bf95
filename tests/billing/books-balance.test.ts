// A long randomized simulation (fixed seed): eight months of daily billing runs with sign-ups,
// upgrades, downgrades, cancellations of every kind, suspensions, one-offs, payments (automatic,
// manual with chosen allocations, kept as credit), reversals, credit applied to new invoices,
// refunds, credit notes and voids. Afterwards the books must balance (money rule 5) and every
// invariant of rules 1, 3, 4 and 22 must hold.
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { changePlan } from "@/lib/subscriptions/change-plan";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { suspendSubscription } from "@/lib/subscriptions/suspend-subscription";
import { resumeSubscription } from "@/lib/subscriptions/resume-subscription";
import { createOneOffCharge } from "@/lib/invoices/create-one-off-charge";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { recordPayment } from "@/lib/payments/record-payment";
import { refundPayment } from "@/lib/payments/refund-payment";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { reversePayment } from "@/lib/payments/reverse-payment";
import { applyPendingCredit } from "@/lib/payments/apply-pending-credit";
import { getCustomerBalance } from "@/lib/ledger/get-customer-balance";
import { setClock } from "@/lib/time/clock";
import { addDays, fromDbDate } from "@/lib/time/dates";
import { AppError } from "@/lib/errors";
import { createCustomer, createProduct, createSubscription, setupIsp, travelTo } from "./fixtures";

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261121);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
/** Expected refusals (a rule said no) are part of the simulation; anything else fails it. */
const attempt = async (f: () => Promise<unknown>) => {
  try {
    await f();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
};

beforeAll(async () => {
  await setupIsp({ suspensionBilling: "SKIP", pricesIncludeTax: false });
});
afterAll(() => setClock(undefined));

test("after eight months of random activity the books balance", async () => {
  const tax = await db.taxClass.findMany();
  const plans = await Promise.all(
    [
      [19900, "MONTH"],
      [29900, "MONTH"],
      [49900, "MONTH"],
      [89900, "MONTH"],
      [79900, "QUARTER"],
      [129900, "QUARTER"],
      [299000, "YEAR"],
      [499000, "YEAR"],
    ].map(([price, interval], i) =>
      createProduct({
        price: price as number,
        interval: interval as "MONTH",
        taxClassId: tax[i % tax.length].id,
        setupFee: i % 3 === 0 ? 49900 : 0,
        contractMonths: 12,
        earlyTerminationPercent: i % 2 ? 50 : 0,
      }),
    ),
  );
  const subs: string[] = [];
  let day = "2026-01-01";
  for (let i = 0; i < 240; i++, day = addDays(day, 1)) {
    travelTo(day);
    const actions = Math.floor(rand() * 4);
    for (let a = 0; a < actions; a++) {
      const r = rand();
      if (r < 0.2 || subs.length < 5) {
        const c = await createCustomer();
        const plan = pick(plans);
        const s = await createSubscription({
          customerId: c.id,
          product: plan,
          startDate: addDays(day, Math.floor(rand() * 5)),
          cycleMode: rand() < 0.3 ? "CALENDAR" : "ANNIVERSARY",
          contractEndDate: rand() < 0.5 ? addDays(day, 365) : undefined,
        });
        subs.push(s.id);
      } else if (r < 0.35) {
        const sub = await db.subscription.findUniqueOrThrow({
          where: { id: pick(subs) },
          include: { product: true },
        });
        const to = pick(plans.filter((p) => p.interval === sub.interval || rand() < 0.2));
        await attempt(() =>
          changePlan({ subscriptionId: sub.id, toProductId: to.id, actor: SYSTEM }),
        );
      } else if (r < 0.45) {
        await attempt(() =>
          cancelSubscription({
            subscriptionId: pick(subs),
            mode: pick(["END_OF_PERIOD", "IMMEDIATE", "ON_DATE"] as const),
            date: addDays(day, Math.floor(rand() * 20)),
            actor: SYSTEM,
          }),
        );
      } else if (r < 0.55) {
        await attempt(() => suspendSubscription({ subscriptionId: pick(subs), actor: SYSTEM }));
      } else if (r < 0.65) {
        await attempt(() => resumeSubscription({ subscriptionId: pick(subs), actor: SYSTEM }));
      } else if (r < 0.72) {
        const sub = await db.subscription.findUniqueOrThrow({ where: { id: pick(subs) } });
        await attempt(() =>
          createOneOffCharge({
            customerId: sub.customerId,
            description: "Call-out",
            amount: 35000 + Math.floor(rand() * 100),
            invoiceNow: rand() < 0.5,
            actor: SYSTEM,
          }),
        );
      } else if (r < 0.79) {
        // A manual payment: chosen invoices with chosen amounts, everything kept as credit, or
        // oldest due first.
        const sub = await db.subscription.findUniqueOrThrow({ where: { id: pick(subs) } });
        const open = await db.invoice.findMany({
          where: { customerId: sub.customerId, status: { in: ["OPEN", "PARTIALLY_PAID"] } },
        });
        const mode = rand();
        const chosen = open
          .filter(() => rand() < 0.6)
          .map((i) => ({
            invoiceId: i.id,
            amount: 1 + Math.floor(rand() * (i.total - i.amountPaid - i.amountCredited)),
          }));
        const amount = chosen.reduce((s, c) => s + c.amount, 0) + Math.floor(rand() * 20000) + 1;
        await attempt(() =>
          recordManualPayment({
            customerId: sub.customerId,
            amount,
            currency: "ZAR",
            method: pick(["CASH", "EFT", "CHEQUE", "CARD_MACHINE", "MOBILE_MONEY"] as const),
            receivedOn: day,
            allocations: mode < 0.4 ? chosen : mode < 0.5 ? [] : undefined,
            sendReceipt: false,
            actor: SYSTEM,
          }),
        );
      } else if (r < 0.81) {
        const received = await db.payment.findMany({
          where: { status: "SUCCEEDED" },
          select: { id: true },
        });
        if (received.length)
          await attempt(() =>
            reversePayment({ paymentId: pick(received).id, reason: "sim", actor: SYSTEM }),
          );
      } else if (r < 0.85) {
        const sub = await db.subscription.findUniqueOrThrow({ where: { id: pick(subs) } });
        await attempt(() =>
          recordPayment({
            customerId: sub.customerId,
            amount: 1000 + Math.floor(rand() * 90000),
            method: "EFT",
            externalId: rand() < 0.2 ? `ext-${Math.floor(rand() * 30)}` : undefined,
            actor: SYSTEM,
          }),
        );
      } else if (r < 0.9) {
        const payments = await db.payment.findMany({ select: { id: true, amount: true } });
        if (payments.length) {
          const p = pick(payments);
          await attempt(() =>
            refundPayment({
              paymentId: p.id,
              amount: rand() < 0.3 ? p.amount : 1 + Math.floor(rand() * p.amount),
              actor: SYSTEM,
            }),
          );
        }
      } else {
        const invoices = await db.invoice.findMany({
          where: { status: { notIn: ["DRAFT", "VOID"] }, total: { gt: 0 } },
          select: { id: true, total: true },
        });
        if (invoices.length) {
          const inv = pick(invoices);
          if (rand() < 0.3)
            await attempt(() => voidInvoice({ invoiceId: inv.id, reason: "sim", actor: SYSTEM }));
          else
            await attempt(() =>
              issueCreditNote({
                invoiceId: inv.id,
                amount: 1 + Math.floor(rand() * inv.total),
                reason: "sim",
                actor: SYSTEM,
              }),
            );
        }
      }
    }
    await runBilling({ asOf: day, actor: SYSTEM });
    if (i % 30 === 0) await runBilling({ asOf: day, actor: SYSTEM }); // a re-run now and then changes nothing
    await applyPendingCredit(); // the payments.apply-credit sweep
  }

  // ── the books ──
  const customers = await db.customer.findMany({ select: { id: true } });
  let ledgerTotal = 0;
  for (const { id } of customers) {
    const [invoices, voided, notes, payments, reversed, refunds, ledger] = await Promise.all([
      db.invoice.aggregate({
        where: { customerId: id, status: { not: "DRAFT" } },
        _sum: { total: true },
      }),
      db.invoice.aggregate({ where: { customerId: id, status: "VOID" }, _sum: { total: true } }),
      db.creditNote.aggregate({ where: { customerId: id }, _sum: { total: true } }),
      db.payment.aggregate({
        where: { customerId: id, status: { notIn: ["PENDING", "FAILED"] } },
        _sum: { amount: true },
      }),
      db.payment.aggregate({
        where: { customerId: id, status: "REVERSED" },
        _sum: { amount: true },
      }),
      db.refund.aggregate({ where: { payment: { customerId: id } }, _sum: { amount: true } }),
      getCustomerBalance({ customerId: id, actor: SYSTEM }),
    ]);
    const expected =
      (invoices._sum.total ?? 0) -
      (voided._sum.total ?? 0) -
      (notes._sum.total ?? 0) -
      (payments._sum.amount ?? 0) +
      (reversed._sum.amount ?? 0) +
      (refunds._sum.amount ?? 0);
    expect(ledger.balance, `customer ${id}`).toBe(expected);
    ledgerTotal += ledger.balance;
  }
  const all = await db.ledgerEntry.aggregate({ _sum: { amount: true } });
  expect(all._sum.amount).toBe(ledgerTotal);

  // Every invoice adds up from its rounded lines; payments and credits never exceed it.
  const invoices = await db.invoice.findMany({ include: { lines: true, allocations: true } });
  expect(invoices.length).toBeGreaterThan(100);
  for (const inv of invoices) {
    expect(inv.total).toBe(inv.lines.reduce((s, l) => s + l.totalAmount, 0));
    expect(inv.subtotal).toBe(inv.lines.reduce((s, l) => s + l.netAmount, 0));
    expect(inv.amountPaid).toBe(inv.allocations.reduce((s, a) => s + a.amount, 0));
    expect(inv.amountPaid + inv.amountCredited).toBeLessThanOrEqual(Math.max(inv.total, 0));
  }
  // Every payment's money is on invoices, refunded, or credit; reversed payments hold nothing;
  // each received payment posted once and each reversal once (rule 22).
  const payments = await db.payment.findMany({
    include: { allocations: true, refunds: true, ledger: true },
  });
  const statuses = new Set(payments.map((p) => p.status));
  for (const s of ["SUCCEEDED", "REVERSED", "REFUNDED"]) expect(statuses, s).toContain(s);
  expect(payments.some((p) => p.unallocated > 0)).toBe(true);
  expect(await db.auditLog.count({ where: { action: "payment.apply_credit" } })).toBeGreaterThan(0);
  for (const p of payments) {
    const allocated = p.allocations.reduce((s, a) => s + a.amount, 0);
    const refunded = p.refunds.reduce((s, r) => s + r.amount, 0);
    if (p.status === "REVERSED") expect([allocated, p.unallocated]).toEqual([0, 0]);
    else expect(p.unallocated).toBe(p.amount - allocated - refunded);
    expect(p.ledger.filter((l) => l.kind === "PAYMENT").map((l) => l.amount)).toEqual([-p.amount]);
    expect(p.ledger.filter((l) => l.kind === "PAYMENT_REVERSAL").length).toBe(
      p.status === "REVERSED" ? 1 : 0,
    );
  }
  const kinds = new Set(invoices.flatMap((i) => i.lines.map((l) => l.kind)));
  for (const k of [
    "RECURRING",
    "PRORATION_CREDIT",
    "PRORATION_CHARGE",
    "CANCELLATION_CREDIT",
    "SUSPENSION_CREDIT",
    "ONE_OFF",
    "SETUP",
  ])
    expect(kinds, k).toContain(k);

  // Each subscription's recurring periods follow on from each other, never overlapping (rule 3).
  const lines = await db.invoiceLine.findMany({
    where: { kind: "RECURRING" },
    orderBy: [{ subscriptionId: "asc" }, { periodStart: "asc" }],
  });
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].subscriptionId !== lines[i - 1].subscriptionId) continue;
    expect(fromDbDate(lines[i].periodStart!)).toBe(fromDbDate(lines[i - 1].periodEnd!));
  }
  const numbers = invoices
    .filter((i) => i.number)
    .map((i) => Number(i.number!.slice(4)))
    .sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
}, 600_000);
