// The database itself refuses money that does not add up, even from raw SQL that bypasses every
// use case (migration payments_core): allocations beyond an invoice's open amount or a payment's
// amount, allocations of a reversed payment, payments in another currency or across customers,
// received payments without their ledger entry. And concurrent payments for one customer never
// pay an invoice twice.
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { reversePayment } from "@/lib/payments/reverse-payment";
import { accounts, customerWithInvoices, invoiceState, setupIsp } from "./fixtures";

beforeAll(async () => {
  await setupIsp();
});

const pay = (
  customerId: string,
  amount: number,
  allocations?: { invoiceId: string; amount: number }[],
) =>
  recordManualPayment({
    actor: accounts,
    customerId,
    amount,
    currency: "ZAR",
    method: "EFT",
    receivedOn: "2026-03-01",
    allocations,
  });

/** Runs raw statements in one transaction; the deferred checks fire at its commit. */
const raw = (...statements: string[]) =>
  db.$transaction(async (tx) => {
    for (const sql of statements) await tx.$executeRawUnsafe(sql);
  });

test("no allocation beyond an invoice's open amount, even with raw SQL", async () => {
  const { customer, invoices } = await customerWithInvoices(1);
  const inv = invoices[0];
  const p = await pay(customer.id, 50000, [{ invoiceId: inv.id, amount: 20000 }]);
  // Growing the allocation and everything that follows from it, consistently: the invoice check refuses.
  await expect(
    raw(
      `UPDATE "PaymentAllocation" SET amount = 30001 WHERE "paymentId" = '${p.id}'`,
      `UPDATE "Payment" SET unallocated = unallocated - 10001 WHERE id = '${p.id}'`,
      `UPDATE "Invoice" SET "amountPaid" = 30001, status = 'PAID' WHERE id = '${inv.id}'`,
    ),
  ).rejects.toThrow(/Invoice_totals|violates check constraint/);
  // Growing only the allocation: the commit-time check sees amountPaid disagree.
  await expect(
    raw(`UPDATE "PaymentAllocation" SET amount = 30001 WHERE "paymentId" = '${p.id}'`),
  ).rejects.toThrow(/amountPaid 20000 is not the 30001 allocated/);
  expect(await invoiceState(inv.id)).toMatchObject({ amountPaid: 20000, status: "PARTIALLY_PAID" });
});

test("no allocation beyond the payment's amount", async () => {
  const { customer, invoices } = await customerWithInvoices(2);
  const p = await pay(customer.id, 10000, [{ invoiceId: invoices[0].id, amount: 10000 }]);
  await expect(
    raw(
      `INSERT INTO "PaymentAllocation" (id, "paymentId", "invoiceId", amount) VALUES ('x1', '${p.id}', '${invoices[1].id}', 5000)`,
      `UPDATE "Invoice" SET "amountPaid" = 5000, status = 'PARTIALLY_PAID' WHERE id = '${invoices[1].id}'`,
      `UPDATE "Payment" SET unallocated = unallocated - 5000 WHERE id = '${p.id}'`,
    ),
  ).rejects.toThrow(/Payment_unallocated_range/);
  await expect(
    raw(
      `INSERT INTO "PaymentAllocation" (id, "paymentId", "invoiceId", amount) VALUES ('x2', '${p.id}', '${invoices[1].id}', 5000)`,
      `UPDATE "Invoice" SET "amountPaid" = 5000, status = 'PARTIALLY_PAID' WHERE id = '${invoices[1].id}'`,
    ),
  ).rejects.toThrow(/unallocated 0 is not amount 10000 less 15000 allocated/);
});

test("amounts are positive; the status follows the allocations", async () => {
  const { customer, invoices } = await customerWithInvoices(1);
  const p = await pay(customer.id, 10000);
  await expect(
    raw(`UPDATE "PaymentAllocation" SET amount = 0 WHERE "paymentId" = '${p.id}'`),
  ).rejects.toThrow(/PaymentAllocation_positive/);
  await expect(
    raw(`UPDATE "Invoice" SET status = 'PAID' WHERE id = '${invoices[0].id}'`),
  ).rejects.toThrow(/is PAID but its payments make it PARTIALLY_PAID/);
});

test("a reversed payment holds no allocations; a received one has its ledger entry", async () => {
  const { customer, invoices } = await customerWithInvoices(1);
  const p = await pay(customer.id, 10000);
  await reversePayment({ actor: accounts, paymentId: p.id, reason: "bounced" });
  await expect(
    raw(
      `INSERT INTO "PaymentAllocation" (id, "paymentId", "invoiceId", amount) VALUES ('x3', '${p.id}', '${invoices[0].id}', 100)`,
    ),
  ).rejects.toThrow(/REVERSED payment cannot be allocated/);
  const q = await pay(customer.id, 10000);
  await expect(
    raw(`UPDATE "Payment" SET status = 'REVERSED', unallocated = 0 WHERE id = '${q.id}'`),
  ).rejects.toThrow(/cannot hold allocations|reversing ledger entry/);
  await expect(
    raw(
      `INSERT INTO "Payment" (id, "customerId", amount, currency, method, status, unallocated)
       VALUES ('x4', '${customer.id}', 500, 'ZAR', 'CASH', 'SUCCEEDED', 500)`,
    ),
  ).rejects.toThrow(/needs exactly its ledger entry/);
});

test("a payment is in its customer's currency and pays only that customer's invoices", async () => {
  const { customer } = await customerWithInvoices(1);
  const other = await customerWithInvoices(1);
  await expect(
    raw(
      `INSERT INTO "Payment" (id, "customerId", amount, currency, method, status)
       VALUES ('x5', '${customer.id}', 500, 'USD', 'CASH', 'PENDING')`,
    ),
  ).rejects.toThrow(/not the customer's currency/);
  const p = await pay(customer.id, 10000, []);
  await expect(
    raw(
      `INSERT INTO "PaymentAllocation" (id, "paymentId", "invoiceId", amount) VALUES ('x6', '${p.id}', '${other.invoices[0].id}', 100)`,
    ),
  ).rejects.toThrow(/only pay invoices of its customer/);
});

test("concurrent payments for one customer never pay the same money twice", async () => {
  const { customer, invoices } = await customerWithInvoices(1);
  const results = await Promise.all([1, 2, 3].map(() => pay(customer.id, 20000)));
  expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID", amountPaid: 30000 });
  expect(results.reduce((s, p) => s + p.unallocated, 0)).toBe(30000);
  const numbers = results.map((p) => Number(p.number!.slice(4))).sort((a, b) => a - b);
  expect(new Set(numbers).size).toBe(3);
});
