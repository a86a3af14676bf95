// Staff register a walk-in customer: a possible duplicate (same ID number, email or address) is
// refused until acknowledged, the coverage check is pinned on the new account. CSV exports stream
// every row of a filtered list, defuse formulas, are audited and refused to customers.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { registerCustomer } from "@/lib/customers/register-customer";
import { exportList } from "@/lib/exports/export-list";
import { createTestIsp, createUserActor } from "../support/fixtures";

let sales: Awaited<ReturnType<typeof createUserActor>>;
let tech: Awaited<ReturnType<typeof createUserActor>>;

beforeAll(async () => {
  await createTestIsp();
  sales = await createUserActor("SALES");
  tech = await createUserActor("TECHNICIAN");
});

const walkIn = (over: Record<string, unknown> = {}) => ({
  firstName: "Pieter",
  lastName: "Botha",
  email: "pieter@example.test",
  phone: "+27 82 555 0101",
  idNumber: "8001015009087",
  billingAddress: { line1: "12 Dorp Street", city: "Stellenbosch" },
  ...over,
});

const read = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("registering a customer by hand", () => {
  test("creates the account with a pinned coverage note", async () => {
    const { customer, duplicates } = await registerCustomer({ actor: sales, ...walkIn() });
    expect(duplicates).toEqual([]);
    const stored = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(stored.idNumber).toBe("8001015009087");
    const note = await db.customerNote.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(note.pinnedAt).not.toBeNull();
    expect(note.body).toMatch(/Feasibility/);
    expect(
      await db.auditLog.count({ where: { customerId: customer.id, action: "customer.create" } }),
    ).toBe(1);
  });

  test("a duplicate ID number, email or address is refused until acknowledged", async () => {
    const before = await db.customer.count();
    for (const over of [
      { email: "other@example.test", billingAddress: { line1: "1 Other Rd", city: "Paarl" } },
      { idNumber: "7001015009088", billingAddress: { line1: "1 Other Rd", city: "Paarl" } },
      {
        idNumber: "7001015009088",
        email: "x@example.test",
        billingAddress: { line1: "12 DORP street", city: "stellenbosch" },
      },
    ])
      await expect(registerCustomer({ actor: sales, ...walkIn(over) })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("Pieter Botha"),
      });
    expect(await db.customer.count()).toBe(before);
    const { duplicates } = await registerCustomer({
      actor: sales,
      ...walkIn({ firstName: "Anna", acknowledgeDuplicates: true }),
    });
    expect(duplicates[0].reasons.sort()).toEqual(["address", "email", "id_number"]);
    await expect(registerCustomer({ actor: tech, ...walkIn() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("CSV export", () => {
  test("streams every matching row across pages, defuses formulas, audits", async () => {
    for (let i = 0; i < 120; i++)
      await db.customer.create({
        data: {
          accountNumber: `X${String(i).padStart(4, "0")}`,
          paymentReference: `X${i}`,
          firstName: i === 0 ? "=cmd|' /C calc'!A0" : "Bulk",
          lastName: `Export ${i}`,
          email: `bulk${i}@example.test`,
          currency: "ZAR",
        },
      });
    const { stream, filename } = await exportList({
      actor: sales,
      list: "customers",
      query: { q: "bulk" },
    });
    expect(filename).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await read(stream))
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^account,name,/);
    expect(lines).toHaveLength(1 + 120); // the header and all 120 (two pages of 100)
    const all = await read(
      (await exportList({ actor: sales, list: "customers", query: {} })).stream,
    );
    expect(all).toContain("'=cmd|' /C calc'!A0 Export 0");
    expect(await db.auditLog.count({ where: { action: "export.customers" } })).toBe(2);
    const customer = await createUserActor("CUSTOMER");
    await expect(
      exportList({ actor: customer, list: "invoices", query: {} }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportList({ actor: sales, list: "invoices", query: {} })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(exportList({ actor: sales, list: "secrets", query: {} })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("bulk message", () => {
  test("queues one email per matching customer, once per batch, audited", async () => {
    const { sendBulkMessage } = await import("@/lib/customers/send-bulk-message");
    const batchId = "6f1c2d1e-8a9b-4c3d-9e8f-0a1b2c3d4e5f";
    const sent = await sendBulkMessage({
      actor: sales,
      batchId,
      q: "bulk",
      purpose: "SERVICE",
      subject: "Planned maintenance",
      body: "Fibre is down on Sunday 02:00–04:00.",
    });
    expect(sent.queued).toBe(120);
    await sendBulkMessage({
      actor: sales,
      batchId,
      q: "bulk",
      purpose: "SERVICE",
      subject: "Planned maintenance",
      body: "x",
    });
    expect(
      await db.notification.count({ where: { dedupeKey: { startsWith: `bulk:${batchId}:` } } }),
    ).toBe(120);
    const one = await db.notification.findFirstOrThrow({ where: { to: "bulk7@example.test" } });
    expect(one.text).toBe("Hello Bulk,\n\nFibre is down on Sunday 02:00–04:00.\n");
    expect(await db.auditLog.count({ where: { action: "customer.bulk_message" } })).toBe(2);
    await expect(sendBulkMessage({ actor: tech, subject: "x", body: "y" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Marketing is the consent-respecting channel: only those who agreed get it.
    await db.customer.updateMany({
      where: { email: { in: ["bulk1@example.test", "bulk2@example.test", "bulk3@example.test"] } },
      data: { marketingOptIn: true },
    });
    const offer = await sendBulkMessage({
      actor: sales,
      q: "bulk",
      subject: "Double speed for a month",
      body: "Upgrade now.",
    });
    expect(offer).toMatchObject({ queued: 3, skipped: 117 });
    const offers = await db.notification.findMany({
      where: { dedupeKey: { startsWith: `bulk:${offer.batch}:` } },
      select: { to: true },
    });
    expect(offers.map((o) => o.to).sort()).toEqual([
      "bulk1@example.test",
      "bulk2@example.test",
      "bulk3@example.test",
    ]);
  });
});

describe("global search", () => {
  test("a single token finds the customer by ID number or invoice number, exactly", async () => {
    const { searchCustomers } = await import("@/lib/customers/search-customers");
    const byId = await searchCustomers({ actor: sales, q: "8001015009087" });
    expect(byId.customers.map((c) => c.firstName).sort()).toEqual(["Anna", "Pieter"]);
    expect((await searchCustomers({ actor: sales, q: "800101500908" })).customers).toEqual([]);
    const pieter = byId.customers.find((c) => c.firstName === "Pieter")!;
    // A finalised invoice posts its ledger entry in the same transaction (the books' checks).
    await db.$transaction(async (tx) => {
      const inv = await tx.invoice.create({
        data: {
          customerId: pieter.id,
          number: "INV-777001",
          status: "OPEN",
          currency: "ZAR",
          total: 100,
          subtotal: 100,
          issueDate: new Date("2026-06-01"),
          dueDate: new Date("2026-06-08"),
          finalizedAt: new Date("2026-06-01T08:00:00Z"),
        },
      });
      await tx.ledgerEntry.create({
        data: {
          customerId: pieter.id,
          kind: "INVOICE",
          sourceKey: `invoice:${inv.id}`,
          amount: 100,
          currency: "ZAR",
          description: "Invoice INV-777001",
          effectiveDate: new Date("2026-06-01"),
          invoiceId: inv.id,
        },
      });
    });
    const byInvoice = await searchCustomers({ actor: sales, q: "inv-777001" });
    expect(byInvoice.customers.map((c) => c.id)).toEqual([pieter.id]);
  });
});
