// Reversing a payment (bounced cheque, mistaken entry): the invoices it paid re-open, the ledger
// gets a reversing entry so the balance is what it was, the reason is audited; a reversed or
// refunded payment cannot be reversed again. Credit notes on paid invoices give the money back
// to the payment's credit.
import { afterEach, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { refundPayment } from "@/lib/payments/refund-payment";
import { reversePayment } from "@/lib/payments/reverse-payment";
import { getStatement } from "@/lib/ledger/get-statement";
import { setClock } from "@/lib/time/clock";
import {
  accounts,
  balanceOf,
  customerWithInvoices,
  invoiceState,
  sales,
  setupIsp,
} from "./fixtures";

beforeAll(async () => {
  await setupIsp();
});
afterEach(() => setClock(undefined));

const pay = (customerId: string, amount: number, method: "CHEQUE" | "EFT" = "CHEQUE") =>
  recordManualPayment({
    actor: accounts,
    customerId,
    amount,
    currency: "ZAR",
    method,
    reference: "CHQ 000451",
    receivedOn: "2026-03-02",
  });

test("a bounced cheque re-opens the invoices it paid and puts the balance back", async () => {
  const { customer, invoices } = await customerWithInvoices(3);
  const [jan, feb, mar] = invoices;
  const p = await pay(customer.id, 70000);
  expect(await invoiceState(jan.id)).toMatchObject({ status: "PAID" });
  expect(await invoiceState(feb.id)).toMatchObject({ status: "PAID" });
  expect(await invoiceState(mar.id)).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: 10000 });
  expect(await balanceOf(customer.id)).toBe(20000);

  const reversed = await reversePayment({
    actor: accounts,
    paymentId: p.id,
    reason: "Cheque returned unpaid (R/D)",
  });
  expect(reversed).toMatchObject({
    status: "REVERSED",
    unallocated: 0,
    allocations: [],
    reversalReason: "Cheque returned unpaid (R/D)",
  });
  for (const inv of invoices)
    expect(await invoiceState(inv.id)).toMatchObject({ status: "OPEN", amountPaid: 0 });
  expect(await balanceOf(customer.id)).toBe(90000);
  const statement = await getStatement({ customerId: customer.id, actor: accounts });
  expect(statement.lines.slice(-2).map((l) => [l.kind, l.amount])).toEqual([
    ["PAYMENT", -70000],
    ["PAYMENT_REVERSAL", 70000],
  ]);
  const audit = await db.auditLog.findFirstOrThrow({
    where: { action: "payment.reverse", entityId: p.id },
  });
  expect(audit.data).toMatchObject({
    reason: "Cheque returned unpaid (R/D)",
    reopened: [
      { invoice: jan.number, amount: 30000 },
      { invoice: feb.number, amount: 30000 },
      { invoice: mar.number, amount: 10000 },
    ],
  });

  await expect(
    reversePayment({ actor: accounts, paymentId: p.id, reason: "again" }),
  ).rejects.toMatchObject({ code: "CONFLICT" });
  expect(await balanceOf(customer.id)).toBe(90000);
});

test("a reversal needs a reason, the right role, and a payment that was received and not refunded", async () => {
  const { customer } = await customerWithInvoices(1);
  const p = await pay(customer.id, 30000);
  await expect(
    reversePayment({ actor: accounts, paymentId: p.id, reason: "  " }),
  ).rejects.toMatchObject({ code: "VALIDATION", fields: { reason: expect.any(String) } });
  await expect(
    reversePayment({ actor: sales, paymentId: p.id, reason: "bounced" }),
  ).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(
    reversePayment({ actor: accounts, paymentId: "nope", reason: "bounced" }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  await refundPayment({ actor: accounts, paymentId: p.id, amount: 1000 });
  await expect(
    reversePayment({ actor: accounts, paymentId: p.id, reason: "bounced" }),
  ).rejects.toMatchObject({ code: "CONFLICT" });
});

test("reversing a payment with credit left takes the credit away too", async () => {
  const { customer, invoices } = await customerWithInvoices(1);
  const p = await pay(customer.id, 45000, "EFT");
  expect(p.unallocated).toBe(15000);
  await reversePayment({ actor: accounts, paymentId: p.id, reason: "entered on wrong account" });
  expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "OPEN" });
  expect(await balanceOf(customer.id)).toBe(30000);
});

test("a credit note on a paid invoice gives the paid money back to the payment's credit", async () => {
  const { customer, invoices } = await customerWithInvoices(1);
  const p = await pay(customer.id, 30000, "EFT");
  await issueCreditNote({
    invoiceId: invoices[0].id,
    amount: 5000,
    reason: "outage",
    actor: accounts,
  });
  expect(await invoiceState(invoices[0].id)).toMatchObject({
    status: "PAID",
    amountPaid: 25000,
    amountCredited: 5000,
  });
  const after = await db.payment.findUniqueOrThrow({ where: { id: p.id } });
  expect(after.unallocated).toBe(5000);
  expect(await balanceOf(customer.id)).toBe(-5000);
});
