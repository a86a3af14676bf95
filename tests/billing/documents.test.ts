// What customers are sent: the invoice PDF's balance brought forward at issue time, how this
// customer pays on every document, and credit notes that reach the customer (PDF, email, portal,
// statement). PDFs are read back as text with poppler's pdftotext.
import { execFileSync } from "node:child_process";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { getInvoicePdf } from "@/lib/invoices/get-invoice-pdf";
import { getCreditNotePdf } from "@/lib/invoices/get-credit-note-pdf";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { listCreditNotes } from "@/lib/invoices/list-credit-notes";
import { loadInvoicePdfData } from "@/lib/invoices/pdf/invoice-pdf-data";
import { getStatement } from "@/lib/ledger/get-statement";
import { resolveAttachments } from "@/lib/notifications/resolve-attachments";
import { recordPayment } from "@/lib/payments/record-payment";
import { getPaymentInstructions } from "@/lib/payment-methods/get-payment-instructions";
import { setClock } from "@/lib/time/clock";
import { createCustomer, createProduct, createSubscription, setupIsp, travelTo } from "./fixtures";

let vatId = "";
beforeAll(async () => {
  vatId = (await setupIsp()).vat.id;
});
afterEach(() => setClock(undefined));

const text = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString().replace(/\s+/g, " ");
const customerActor = (customerId: string): Actor => ({
  kind: "user",
  id: `u-${customerId}`,
  role: "CUSTOMER",
  name: "c",
  customerId,
});
const bill = async (date: string) => {
  travelTo(date);
  await runBilling({ asOf: date, actor: SYSTEM });
};
const invoiceOn = (customerId: string, date: string) =>
  db.invoice.findFirstOrThrow({ where: { customerId, issueDate: new Date(date) } });

async function subscribed(price = 30000) {
  const p = await createProduct({ taxClassId: vatId, price });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2026-04-01" });
  return c;
}

describe("balance brought forward = the balance when the invoice was issued", () => {
  test("entries effective before the invoice count in date order, whenever they were posted; the stored PDF keeps it", async () => {
    const c = await subscribed();
    await bill("2026-04-01");
    await bill("2026-05-01");
    // Recorded late, received before the May invoice: it was paid when May was issued.
    travelTo("2026-05-03");
    await recordPayment({
      customerId: c.id,
      amount: 30000,
      method: "EFT",
      receivedAt: new Date("2026-04-06T10:00:00Z"),
      actor: SYSTEM,
    });
    const may = await invoiceOn(c.id, "2026-05-01");
    expect((await loadInvoicePdfData(may.id)).broughtForward).toBe(0);
    const { pdf } = await getInvoicePdf({ invoiceId: may.id, actor: customerActor(c.id) });
    expect(text(pdf)).toMatch(/Balance brought forward R\s?0[.,]00/);
    expect(text(pdf)).toMatch(/Amount due by 08 May 2026 R\s?300[.,]00/);

    // A payment on the issue date but posted after the invoice is not brought forward into it,
    // and what the customer was sent stays as it was.
    await recordPayment({
      customerId: c.id,
      amount: 10000,
      method: "EFT",
      receivedAt: new Date("2026-05-01T12:00:00Z"),
      actor: SYSTEM,
    });
    expect((await loadInvoicePdfData(may.id)).broughtForward).toBe(0);
    const again = await getInvoicePdf({ invoiceId: may.id, actor: customerActor(c.id) });
    expect(again.pdf.equals(pdf)).toBe(true);
  });

  test("unpaid earlier invoices are brought forward", async () => {
    const c = await subscribed();
    await bill("2026-04-01");
    await bill("2026-05-01");
    await bill("2026-06-01");
    const june = await invoiceOn(c.id, "2026-06-01");
    expect((await loadInvoicePdfData(june.id)).broughtForward).toBe(60000);
  });
});

describe("every customer-facing document says how this customer pays", () => {
  const methods = {
    debit: async (customerId: string) =>
      db.paymentMethod.create({
        data: {
          customerId,
          kind: "DEBIT_ORDER",
          isDefault: true,
          mandate: {
            create: {
              customerId,
              accountHolder: "T Test",
              accountNumberEnc: "x",
              accountLast4: "5678",
              mandateReference: `M-${customerId}`,
              mandateText: "I authorise",
              signedAt: new Date("2026-03-01T10:00:00Z"),
            },
          },
        },
      }),
    card: async (customerId: string) =>
      db.paymentMethod.create({
        data: {
          customerId,
          kind: "CARD",
          isDefault: true,
          stripePaymentMethodId: `pm_${customerId}`,
          cardBrand: "visa",
          cardLast4: "4242",
        },
      }),
    eft: async (customerId: string) =>
      db.paymentMethod.create({ data: { customerId, kind: "EFT", isDefault: true } }),
  };
  test.each([
    [
      "debit",
      "The amount due will be collected by debit order on 08 Apr 2026 from account ••5678.",
      false,
    ],
    ["card", "The amount due will be charged to your Visa card ••4242 on 08 Apr 2026.", false],
    ["eft", "Please pay by EFT by 08 Apr 2026 with reference", true],
  ] as const)("%s: the invoice PDF and the portal say so", async (kind, sentence, eft) => {
    const c = await subscribed();
    await methods[kind](c.id);
    await bill("2026-04-01");
    const inv = await invoiceOn(c.id, "2026-04-01");
    const pdf = text((await getInvoicePdf({ invoiceId: inv.id, actor: SYSTEM })).pdf);
    if (eft) {
      expect(pdf).toContain(`Payment reference: ${c.paymentReference}`);
      expect(pdf).toContain("Account number: 62001234567");
      expect(pdf).toContain("Or pay online:");
    } else {
      expect(pdf).toContain(sentence);
      expect(pdf).not.toContain("Or pay online");
      expect(pdf).not.toContain("62001234567");
    }
    const { instructions } = await getPaymentInstructions({
      actor: customerActor(c.id),
      customerId: c.id,
    });
    expect(instructions.kind).toBe(kind === "debit" ? "DEBIT_ORDER" : kind.toUpperCase());
    const mail = await import("@/lib/invoices/email-invoice").then((m) => m.emailInvoice(inv.id));
    expect(mail.notificationId).toBeTruthy();
    const queued = await db.notification.findFirstOrThrow({
      where: { dedupeKey: `invoice.finalized:${inv.id}` },
    });
    expect(queued.text).toContain(eft ? `with reference ${c.paymentReference}` : sentence);
  });
});

describe("credit notes reach the customer", () => {
  test("a PDF like the invoice's, an email with it, the portal list and the statement", async () => {
    const c = await subscribed();
    await bill("2026-04-01");
    const inv = await invoiceOn(c.id, "2026-04-01");
    travelTo("2026-04-10");
    const note = await issueCreditNote({
      invoiceId: inv.id,
      amount: 5000,
      reason: "Outage 3–5 April",
      actor: SYSTEM,
    });

    const mail = await db.notification.findFirstOrThrow({
      where: { dedupeKey: `credit_note.issued:${note.id}` },
    });
    expect(mail).toMatchObject({ to: c.email, customerId: c.id, status: "PENDING" });
    expect(mail.subject).toContain(note.number);
    expect(mail.text).toContain(`We have credited R`);
    expect(mail.text).toContain(`on invoice ${inv.number}: Outage 3–5 April.`);
    expect(mail.text).toContain("Your balance is now R");
    expect(mail.text).toContain(`Please pay by EFT with reference ${c.paymentReference}.`);
    const [attachment] = (await resolveAttachments(mail.attachments as never))!;
    expect(attachment.filename).toBe(`${note.number}.pdf`);
    const sent = Buffer.from(attachment.contentBase64, "base64");
    const pdf = text(sent);
    expect(pdf).toContain("Tax credit note");
    expect(pdf).toContain(note.number);
    expect(pdf).toContain(`For invoice ${inv.number} of 01 Apr 2026`);
    expect(pdf).toContain("Outage 3–5 April");
    expect(pdf).toMatch(/Total credited -R\s?50[.,]00/);
    expect(pdf).toMatch(/Balance after this credit note: R\s?250[.,]00/);
    expect(pdf).toContain("Valley Fibre (Pty) Ltd");
    // Stored as sent; the customer downloads the same bytes; strangers see nothing.
    const mine = await getCreditNotePdf({ creditNoteId: note.id, actor: customerActor(c.id) });
    expect(mine.pdf.equals(sent)).toBe(true);
    await expect(
      getCreditNotePdf({ creditNoteId: note.id, actor: customerActor("someone-else") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await listCreditNotes({ actor: customerActor(c.id), customerId: c.id })).toEqual([
      expect.objectContaining({
        id: note.id,
        number: note.number,
        invoiceId: inv.id,
        invoiceNumber: inv.number,
        total: 5000,
        issueDate: "2026-04-10",
      }),
    ]);
    const statement = await getStatement({ customerId: c.id, actor: SYSTEM });
    expect(statement.lines.map((l) => [l.kind, l.amount, l.creditNoteId])).toEqual([
      ["INVOICE", 30000, null],
      ["CREDIT_NOTE", -5000, note.id],
    ]);
  });
});

describe("the demo history records payments in date order", () => {
  test("ledgers read in date order and paid-up customers bring nothing forward", async () => {
    const { seedBillingHistory } = await import("@/lib/demo/seed-billing-history");
    const p = await createProduct({ taxClassId: vatId, price: 45000 });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await createCustomer({ isDemo: true });
      await createSubscription({ customerId: c.id, product: p, startDate: "2026-01-05" });
      ids.push(c.id);
    }
    let seed = 42;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    await seedBillingHistory(new Date("2026-03-06T12:00:00Z"), rnd);
    let paidUp = 0;
    for (const customerId of ids) {
      const entries = await db.ledgerEntry.findMany({
        where: { customerId },
        orderBy: { id: "asc" },
        select: { effectiveDate: true },
      });
      const dates = entries.map((e) => e.effectiveDate.toISOString());
      expect(dates).toEqual([...dates].sort());
      const overdue = await db.invoice.count({
        where: { customerId, status: "OPEN", dueDate: { lt: new Date("2026-03-06") } },
      });
      if (overdue) continue;
      paidUp++;
      const invoices = await db.invoice.findMany({ where: { customerId }, select: { id: true } });
      expect(invoices.length).toBeGreaterThanOrEqual(3);
      for (const inv of invoices)
        expect((await loadInvoicePdfData(inv.id)).broughtForward, customerId).toBe(0);
    }
    expect(paidUp).toBeGreaterThan(6);
  });
});
