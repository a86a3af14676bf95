// Recording money received by hand: where it goes (oldest due first, or the invoices chosen),
// partial payments, overpayments kept as credit and spent on the next finalised invoice, and
// the refusals (wrong currency, a date in the future, a role that may not record).
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { logger } from "@/lib/log";
import { db } from "@/lib/db";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import type { JobStep } from "@/lib/jobs/define-job";
import { paymentsApplyCredit as applyCredit } from "@/lib/jobs/definitions/payments.apply-credit";
import { paymentJobs } from "@/lib/payments/jobs";
import { listPayments } from "@/lib/payments/list-payments";
import { getPayment } from "@/lib/payments/get-payment";
import { allocatePayment } from "@/lib/payments/allocate-payment";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { setClock } from "@/lib/time/clock";
import {
  accounts,
  balanceOf,
  customerWithInvoices,
  invoiceState,
  sales,
  setupIsp,
  support,
  travelTo,
} from "./fixtures";

beforeAll(async () => {
  await setupIsp();
});
afterEach(() => setClock(undefined));

const pay = (customerId: string, amount: number, over: Record<string, unknown> = {}) =>
  recordManualPayment({
    actor: accounts,
    customerId,
    amount,
    currency: "ZAR",
    method: "EFT",
    reference: "EFT 123",
    receivedOn: "2026-03-01",
    ...over,
  });

const step: JobStep = { run: (_name, fn) => fn(), sendEvent: async () => {} };
test("the payments area exports its jobs for the registry", () => {
  expect(paymentJobs.map((j) => j.name)).toEqual([
    "payments.apply-credit",
    "webhooks.deliver",
    "payments.charge-due",
    "payments.retry",
    "payments.janitor",
  ]);
});
const runApplyCredit = (payload: Record<string, unknown>) =>
  applyCredit.handler({
    payload: applyCredit.payload.parse(payload),
    step,
    log: logger,
    runId: "test",
  });

describe("allocation", () => {
  test("without a choice the money pays the oldest due invoices first; partial payments leave the next one partly paid", async () => {
    const { customer, invoices } = await customerWithInvoices(3);
    const [jan, feb, mar] = invoices;
    const p = await pay(customer.id, 45000);
    expect(p).toMatchObject({
      amount: 45000,
      currency: "ZAR",
      method: "EFT",
      status: "SUCCEEDED",
      receivedOn: "2026-03-01",
      unallocated: 0,
      allocations: [
        { invoiceId: jan.id, invoiceNumber: jan.number, amount: 30000 },
        { invoiceId: feb.id, invoiceNumber: feb.number, amount: 15000 },
      ],
    });
    expect(p.number).toMatch(/^RCT-\d{6}$/);
    expect(await invoiceState(jan.id)).toMatchObject({ status: "PAID", amountPaid: 30000 });
    expect(await invoiceState(feb.id)).toMatchObject({
      status: "PARTIALLY_PAID",
      amountPaid: 15000,
    });
    expect(await invoiceState(mar.id)).toMatchObject({ status: "OPEN", amountPaid: 0 });
    expect(await balanceOf(customer.id)).toBe(90000 - 45000);
    const ledger = await db.ledgerEntry.findMany({ where: { paymentId: p.id } });
    expect(ledger).toMatchObject([
      { kind: "PAYMENT", amount: -45000, sourceKey: `payment:${p.id}` },
    ]);
    expect(ledger[0].effectiveDate.toISOString().slice(0, 10)).toBe("2026-03-01");
  });

  test("chosen invoices get exactly the chosen amounts; the rest stays as credit", async () => {
    const { customer, invoices } = await customerWithInvoices(3);
    const [jan, feb, mar] = invoices;
    const p = await pay(customer.id, 50000, {
      allocations: [
        { invoiceId: mar.id, amount: 30000 },
        { invoiceId: feb.id, amount: 5000 },
      ],
    });
    expect(p.unallocated).toBe(15000);
    expect(await invoiceState(jan.id)).toMatchObject({ status: "OPEN", amountPaid: 0 });
    expect(await invoiceState(feb.id)).toMatchObject({
      status: "PARTIALLY_PAID",
      amountPaid: 5000,
    });
    expect(await invoiceState(mar.id)).toMatchObject({ status: "PAID", amountPaid: 30000 });
    // The credit can be allocated later, oldest due first.
    const later = await allocatePayment({ actor: accounts, paymentId: p.id });
    expect(later.unallocated).toBe(0);
    expect(await invoiceState(jan.id)).toMatchObject({
      status: "PARTIALLY_PAID",
      amountPaid: 15000,
    });
    await expect(allocatePayment({ actor: accounts, paymentId: p.id })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
  });

  test("an empty allocation list keeps the whole payment as credit", async () => {
    const { customer, invoices } = await customerWithInvoices(1);
    const p = await pay(customer.id, 10000, { allocations: [] });
    expect(p).toMatchObject({ unallocated: 10000, allocations: [] });
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "OPEN" });
  });

  test("impossible choices are refused and nothing is recorded", async () => {
    const { customer, invoices } = await customerWithInvoices(2);
    const other = await customerWithInvoices(1);
    const before = await db.payment.count();
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { allocations: [{ invoiceId: other.invoices[0].id, amount: 100 }] },
        "UNPROCESSABLE",
        "allocations.0.invoiceId",
      ],
      [
        { allocations: [{ invoiceId: invoices[0].id, amount: 30001 }] },
        "UNPROCESSABLE",
        "allocations.0.amount",
      ],
      [
        {
          allocations: [
            { invoiceId: invoices[0].id, amount: 30000 },
            { invoiceId: invoices[1].id, amount: 30000 },
          ],
        },
        "UNPROCESSABLE",
        "allocations",
      ],
      [
        {
          allocations: [
            { invoiceId: invoices[0].id, amount: 100 },
            { invoiceId: invoices[0].id, amount: 100 },
          ],
        },
        "VALIDATION",
        "allocations.1.invoiceId",
      ],
    ];
    for (const [over, code, field] of cases) {
      const error = await pay(customer.id, 40000, over).catch((e) => e);
      expect(error, JSON.stringify(over)).toMatchObject({ code });
      expect(Object.keys(error.fields ?? {})).toContain(field);
    }
    expect(await db.payment.count()).toBe(before);
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "OPEN", amountPaid: 0 });
  });
});

describe("overpayment and credit", () => {
  test("an overpayment stays as credit and pays the next finalised invoice (setting on)", async () => {
    const { customer, invoices } = await customerWithInvoices(1);
    const p = await pay(customer.id, 50000, { receivedOn: "2026-01-05" });
    expect(p.unallocated).toBe(20000);
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID" });
    expect(await balanceOf(customer.id)).toBe(-20000);
    travelTo("2026-02-01");
    await runBilling({ asOf: "2026-02-01", actor: SYSTEM });
    const feb = await db.invoice.findFirstOrThrow({
      where: { customerId: customer.id, id: { not: invoices[0].id } },
    });
    expect(feb).toMatchObject({ status: "OPEN", amountPaid: 0, total: 30000 });
    expect(await runApplyCredit({ invoiceId: feb.id, customerId: customer.id })).toMatchObject({
      customers: 1,
      allocations: 1,
    });
    expect(await invoiceState(feb.id)).toMatchObject({
      status: "PARTIALLY_PAID",
      amountPaid: 20000,
    });
    expect((await getPayment({ actor: accounts, paymentId: p.id })).unallocated).toBe(0);
    expect(await balanceOf(customer.id)).toBe(10000); // the ledger never moved: it already counted
    // Running again (the cron catch-up) changes nothing.
    expect(await runApplyCredit({})).toMatchObject({ allocations: 0 });
  });

  test("with the setting off the credit waits", async () => {
    await db.ispSettings.update({ where: { id: 1 }, data: { applyCreditToNewInvoices: false } });
    try {
      const { customer, invoices } = await customerWithInvoices(1);
      await pay(customer.id, 40000, { receivedOn: "2026-01-05" });
      travelTo("2026-02-01");
      await runBilling({ asOf: "2026-02-01", actor: SYSTEM });
      expect(await runApplyCredit({})).toMatchObject({ skipped: "setting off" });
      const feb = await db.invoice.findFirstOrThrow({
        where: { customerId: customer.id, id: { not: invoices[0].id } },
      });
      expect(feb.status).toBe("OPEN");
    } finally {
      await db.ispSettings.update({ where: { id: 1 }, data: { applyCreditToNewInvoices: true } });
    }
  });
});

describe("refusals", () => {
  test("the currency must be the customer's, the date not in the future, the amount whole cents", async () => {
    const { customer } = await customerWithInvoices(1);
    await expect(pay(customer.id, 1000, { currency: "USD" })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      fields: { currency: expect.stringContaining("ZAR") },
    });
    travelTo("2026-03-01");
    await expect(pay(customer.id, 1000, { receivedOn: "2026-03-02" })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { receivedOn: expect.any(String) },
    });
    await expect(pay(customer.id, 10.5)).rejects.toThrow();
    await expect(pay(customer.id, 0)).rejects.toThrow();
    await expect(pay("no-such-customer", 1000)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("only ACCOUNTS and ADMIN record payments; SUPPORT may read them; customers see their own", async () => {
    const { customer } = await customerWithInvoices(1);
    for (const actor of [sales, support]) {
      await expect(
        recordManualPayment({
          actor,
          customerId: customer.id,
          amount: 1000,
          currency: "ZAR",
          method: "CASH",
          receivedOn: "2026-01-01",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const p = await pay(customer.id, 1000, { method: "CASH", receivedOn: "2026-01-02" });
    expect((await getPayment({ actor: support, paymentId: p.id })).id).toBe(p.id);
    await expect(getPayment({ actor: sales, paymentId: p.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listPayments({ actor: sales })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const self: Actor = {
      kind: "user",
      id: "u-c",
      role: "CUSTOMER",
      name: "C",
      customerId: customer.id,
    };
    const stranger: Actor = { ...self, customerId: "someone-else" };
    expect((await listPayments({ actor: self })).payments.map((x) => x.id)).toEqual([p.id]);
    expect((await listPayments({ actor: stranger })).payments).toEqual([]);
    await expect(getPayment({ actor: stranger, paymentId: p.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("receipt email and filters", () => {
  test("a receipt email with the PDF by reference is queued once; sendReceipt: false skips it", async () => {
    const { customer } = await customerWithInvoices(1);
    const p = await pay(customer.id, 30000);
    const mail = await db.notification.findUniqueOrThrow({
      where: { dedupeKey: `payment.receipt:${p.id}` },
    });
    expect(mail).toMatchObject({ to: customer.email, customerId: customer.id, status: "PENDING" });
    expect(mail.subject).toContain(p.number);
    expect(mail.text).toContain("R");
    expect(mail.attachments).toEqual([
      {
        filename: `${p.number}.pdf`,
        contentType: "application/pdf",
        ref: { kind: "receipt_pdf", id: p.id },
      },
    ]);
    const quiet = await pay(customer.id, 500, { sendReceipt: false });
    expect(
      await db.notification.count({ where: { dedupeKey: `payment.receipt:${quiet.id}` } }),
    ).toBe(0);
  });

  test("list filters: method, dates, status and unallocated", async () => {
    const { customer } = await customerWithInvoices(1);
    const cash = await pay(customer.id, 30000, { method: "CASH", receivedOn: "2026-01-10" });
    const cheque = await pay(customer.id, 7000, { method: "CHEQUE", receivedOn: "2026-02-10" });
    const ids = async (filter: Record<string, unknown>) =>
      (
        await listPayments({ actor: accounts, filter: { customerId: customer.id, ...filter } })
      ).payments.map((p) => p.id);
    expect(await ids({})).toEqual([cheque.id, cash.id]);
    expect(await ids({ method: "CASH" })).toEqual([cash.id]);
    expect(await ids({ from: "2026-02-01", to: "2026-02-28" })).toEqual([cheque.id]);
    expect(await ids({ unallocated: true })).toEqual([cheque.id]);
    expect(await ids({ status: "REVERSED" })).toEqual([]);
    expect(await ids({ q: cash.number! })).toEqual([cash.id]);
    const page = await listPayments({
      actor: accounts,
      filter: { customerId: customer.id, limit: 1 },
    });
    expect(page.payments.map((p) => p.id)).toEqual([cheque.id]);
    const next = await listPayments({
      actor: accounts,
      filter: { customerId: customer.id, limit: 1, after: page.nextCursor! },
    });
    expect(next.payments.map((p) => p.id)).toEqual([cash.id]);
  });
});
