// Credit notes (capped at what is creditable), voids, payments, refunds: each posts to the ledger,
// and the displayed balance is the ledger's sum (money rules 4 and 5).
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { recordPayment } from "@/lib/payments/record-payment";
import { refundPayment } from "@/lib/payments/refund-payment";
import { getCustomerBalance } from "@/lib/ledger/get-customer-balance";
import { getStatement } from "@/lib/ledger/get-statement";
import { setClock } from "@/lib/time/clock";
import { createCustomer, createProduct, createSubscription, setupIsp, travelTo } from "./fixtures";

let vatId = "";
beforeAll(async () => {
  vatId = (await setupIsp()).vat.id;
});
afterEach(() => setClock(undefined));

async function billedInvoice(price = 115000) {
  const p = await createProduct({ taxClassId: vatId, price });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2026-03-01" });
  travelTo("2026-03-01");
  await runBilling({ asOf: "2026-03-01", actor: SYSTEM });
  return db.invoice.findFirstOrThrow({ where: { customerId: c.id } });
}
const balance = async (customerId: string) =>
  (await getCustomerBalance({ customerId, actor: SYSTEM })).balance;

describe("credit notes", () => {
  test("never credit more than the invoice's remaining creditable amount", async () => {
    const inv = await billedInvoice();
    const first = await issueCreditNote({
      invoiceId: inv.id,
      amount: 100000,
      reason: "outage",
      actor: SYSTEM,
    });
    expect(first.number).toMatch(/^CN-\d{6}$/);
    expect(first).toMatchObject({ total: 100000, taxAmount: 13043, netAmount: 86957 });
    await expect(
      issueCreditNote({ invoiceId: inv.id, amount: 15001, reason: "too much", actor: SYSTEM }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await issueCreditNote({ invoiceId: inv.id, amount: 15000, reason: "rest", actor: SYSTEM });
    const after = await db.invoice.findUniqueOrThrow({ where: { id: inv.id } });
    expect(after).toMatchObject({ amountCredited: 115000, status: "PAID", total: 115000 });
    expect(await balance(inv.customerId)).toBe(0);
  });

  test("concurrent credit notes cannot together exceed the invoice", async () => {
    const inv = await billedInvoice();
    const results = await Promise.allSettled(
      [1, 2, 3].map(() =>
        issueCreditNote({ invoiceId: inv.id, amount: 50000, reason: "x", actor: SYSTEM }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const notes = await db.creditNote.findMany({ select: { number: true } });
    const n = notes.map((x) => Number(x.number.slice(3))).sort((a, b) => a - b);
    expect(n).toEqual(Array.from({ length: n.length }, (_, i) => i + 1)); // gapless
  });

  test("the database refuses a credit beyond the total even if code were bypassed", async () => {
    const inv = await billedInvoice();
    await expect(
      db.invoice.update({ where: { id: inv.id }, data: { amountCredited: inv.total + 1 } }),
    ).rejects.toThrow();
  });

  test("crediting a paid invoice moves the money to the customer's credit balance", async () => {
    const inv = await billedInvoice();
    await recordPayment({
      customerId: inv.customerId,
      amount: 115000,
      method: "EFT",
      actor: SYSTEM,
    });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe("PAID");
    await issueCreditNote({
      invoiceId: inv.id,
      amount: 15000,
      reason: "price error",
      actor: SYSTEM,
    });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({
      amountPaid: 100000,
      amountCredited: 15000,
      status: "PAID",
    });
    expect(await balance(inv.customerId)).toBe(-15000);
  });

  test("staff without billing:charge may not issue credit notes", async () => {
    const inv = await billedInvoice();
    const support: Actor = { kind: "user", id: "u1", role: "SUPPORT", name: "S" };
    await expect(
      issueCreditNote({ invoiceId: inv.id, amount: 100, reason: "x", actor: support }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("finalised invoices never change (rule 4)", () => {
  test("the database rejects edits to a finalised invoice and its lines", async () => {
    const inv = await billedInvoice();
    await expect(
      db.invoice.update({ where: { id: inv.id }, data: { total: 1, subtotal: 1, taxTotal: 0 } }),
    ).rejects.toThrow(/finalised/);
    await expect(
      db.invoiceLine.updateMany({ where: { invoiceId: inv.id }, data: { description: "changed" } }),
    ).rejects.toThrow(/finalised/);
    const line = await db.invoiceLine.findFirstOrThrow({ where: { invoiceId: inv.id } });
    await expect(db.invoiceLine.delete({ where: { id: line.id } })).rejects.toThrow(/finalised/);
    const { id: _id, subscriptionId: _sub, ...copy } = line;
    await expect(
      db.invoiceLine.create({ data: { ...copy, kind: "ONE_OFF", periodStart: null } }),
    ).rejects.toThrow(/finalised/);
  });

  test("an invoice written final takes its lines only in its own transaction, and they add up", async () => {
    const { customerId } = await billedInvoice();
    const writeFinal = (id: string, lineNet: number) =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(
          `INSERT INTO "Invoice" (id, "customerId", status, number, currency, "issueDate", "dueDate", subtotal, "taxTotal", total, "finalizedAt")
           VALUES ($1, $2, 'OPEN', $1, 'ZAR', DATE '2026-03-01', DATE '2026-03-08', 1000, 0, 1000, now())`,
          id,
          customerId,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "InvoiceLine" (id, "invoiceId", kind, description, "unitAmount", "netAmount", "taxRate", "taxAmount", "totalAmount")
           VALUES ($1 || '-l', $1, 'ONE_OFF', 'x', $2, $2, 0, 0, $2)`,
          id,
          lineNet,
        );
      });
    await expect(writeFinal("FINAL-SHORT", 500)).rejects.toThrow(/finalised/);
    expect(await db.invoice.count({ where: { id: "FINAL-SHORT" } })).toBe(0);
    await writeFinal("FINAL-OK", 1000);
    expect(await db.invoiceLine.count({ where: { invoiceId: "FINAL-OK" } })).toBe(1);
  });

  test("void reverses an unpaid invoice on the ledger and keeps its number", async () => {
    const inv = await billedInvoice();
    const voided = await voidInvoice({ invoiceId: inv.id, reason: "duplicate", actor: SYSTEM });
    expect(voided).toMatchObject({ status: "VOID", number: inv.number });
    expect(await balance(inv.customerId)).toBe(0);
    await expect(
      voidInvoice({ invoiceId: inv.id, reason: "again", actor: SYSTEM }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("payments and the ledger", () => {
  test("payments apply oldest first, replays record nothing, refunds reopen; statement runs to the balance", async () => {
    const inv = await billedInvoice(50000);
    const customerId = inv.customerId;
    const p1 = await recordPayment({
      customerId,
      amount: 20000,
      method: "EFT",
      externalId: "bank-1",
      actor: SYSTEM,
    });
    const replay = await recordPayment({
      customerId,
      amount: 20000,
      method: "EFT",
      externalId: "bank-1",
      actor: SYSTEM,
    });
    expect(replay.duplicate).toBe(true);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({
      amountPaid: 20000,
      status: "PARTIALLY_PAID",
    });
    await recordPayment({ customerId, amount: 40000, method: "CASH", actor: SYSTEM });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({
      amountPaid: 50000,
      status: "PAID",
    });
    expect(await balance(customerId)).toBe(-10000);
    await refundPayment({ paymentId: p1.payment.id, amount: 20000, actor: SYSTEM });
    expect(await balance(customerId)).toBe(10000);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe(
      "PARTIALLY_PAID",
    );
    const st = await getStatement({ customerId, actor: SYSTEM });
    expect(st.lines.map((l) => l.kind)).toEqual(["INVOICE", "PAYMENT", "PAYMENT", "REFUND"]);
    expect(st.closing).toBe(10000);
  });

  test("ledger rows are append-only", async () => {
    const inv = await billedInvoice();
    await expect(
      db.ledgerEntry.updateMany({ where: { invoiceId: inv.id }, data: { amount: 0 } }),
    ).rejects.toThrow();
  });
});
