// The receipt: a PDF in the invoice's look that says what was received and which invoices it
// paid, stored once rendered and re-rendered after the allocations change, mailed through the
// outbox, and readable by the customer who paid and by staff with payments:read only.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { deliverPendingNotifications } from "@/lib/notifications/deliver-pending";
import { mailDir } from "@/lib/notifications/mailer";
import { allocatePayment } from "@/lib/payments/allocate-payment";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { reversePayment } from "@/lib/payments/reverse-payment";
import { getReceiptPdf } from "@/lib/payments/receipt/get-receipt-pdf";
import { accounts, customerWithInvoices, sales, setupIsp } from "./fixtures";

beforeAll(async () => {
  await setupIsp();
});

/** The PDF's text (poppler's pdftotext), and a PNG of page 1 beside it for a person to look at. */
function pdfText(pdf: Buffer, name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "receipt-"));
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-png", "-r", "60", "-singlefile", file, path.join(dir, name)]);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString();
}

test("the receipt shows the money, the method and the invoices it paid; it is stored, then refreshed", async () => {
  const { customer, invoices } = await customerWithInvoices(2);
  const p = await recordManualPayment({
    actor: accounts,
    customerId: customer.id,
    amount: 45000,
    currency: "ZAR",
    method: "CHEQUE",
    reference: "CHQ 000451",
    receivedOn: "2026-03-02",
    allocations: [{ invoiceId: invoices[0].id, amount: 30000 }],
  });
  const { filename, pdf } = await getReceiptPdf({ actor: accounts, paymentId: p.id });
  expect(filename).toBe(`${p.number}.pdf`);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const text = pdfText(pdf, "receipt").replace(/\u00a0/g, " ");
  for (const s of [
    "Valley Fibre",
    "Receipt",
    p.number!,
    "Cheque",
    "CHQ 000451",
    customer.accountNumber,
    invoices[0].number!,
    "R 450,00",
    "R 300,00",
    "R 150,00", // credit on the account
  ])
    expect(text, s).toContain(s);
  expect(text).not.toContain(invoices[1].number!);
  const stored = await db.payment.findUniqueOrThrow({ where: { id: p.id } });
  expect(Buffer.from(stored.receiptPdf!).equals(pdf)).toBe(true);

  await allocatePayment({ actor: accounts, paymentId: p.id });
  expect((await db.payment.findUniqueOrThrow({ where: { id: p.id } })).receiptPdf).toBeNull();
  const after = pdfText((await getReceiptPdf({ actor: accounts, paymentId: p.id })).pdf, "after");
  expect(after).toContain(invoices[1].number!);

  await reversePayment({ actor: accounts, paymentId: p.id, reason: "Cheque returned unpaid" });
  const reversed = pdfText(
    (await getReceiptPdf({ actor: accounts, paymentId: p.id })).pdf,
    "reversed",
  );
  expect(reversed).toContain("This payment was reversed: Cheque returned unpaid");
});

test("the receipt email goes out through the outbox with the PDF attached", async () => {
  const { customer } = await customerWithInvoices(1);
  const p = await recordManualPayment({
    actor: accounts,
    customerId: customer.id,
    amount: 30000,
    currency: "ZAR",
    method: "EFT",
    receivedOn: "2026-03-02",
  });
  await deliverPendingNotifications();
  const file = readdirSync(mailDir()).find((f) => f.includes(customer.email));
  expect(file).toBeDefined();
  const mail = await simpleParser(readFileSync(path.join(mailDir(), file!)));
  expect(mail.subject).toContain(p.number!);
  expect(mail.text).toContain("It pays:");
  expect(mail.attachments.map((a) => a.filename)).toEqual([`${p.number}.pdf`]);
  expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe("%PDF-");
});

test("a customer gets their own receipt only; staff need payments:read", async () => {
  const { customer } = await customerWithInvoices(1);
  const p = await recordManualPayment({
    actor: accounts,
    customerId: customer.id,
    amount: 100,
    currency: "ZAR",
    method: "CASH",
    receivedOn: "2026-03-02",
  });
  const own: Actor = {
    kind: "user",
    id: "c1",
    role: "CUSTOMER",
    name: "C",
    customerId: customer.id,
  };
  const other: Actor = { ...own, customerId: "someone-else" };
  expect((await getReceiptPdf({ actor: own, paymentId: p.id })).filename).toBe(`${p.number}.pdf`);
  await expect(getReceiptPdf({ actor: other, paymentId: p.id })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(getReceiptPdf({ actor: sales, paymentId: p.id })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
});
