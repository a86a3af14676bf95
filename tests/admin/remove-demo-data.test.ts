import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { seedDemo, DEMO_STAFF } from "@/lib/demo/seed-demo";
import { removeDemoData, removeDemoDataSchema } from "@/lib/settings/remove-demo-data";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

let admin: Actor;

/** A finalised invoice with one line, a payment allocated to it, a credit note, a refund and ledger rows. */
async function giveMoneyHistory(customerId: string, tag: string) {
  const invoice = await db.invoice.create({
    data: {
      customerId,
      currency: "ZAR",
      issueDate: new Date("2026-01-01"),
      dueDate: new Date("2026-01-08"),
      subtotal: 10000,
      taxTotal: 1500,
      total: 11500,
      lines: {
        create: {
          kind: "RECURRING",
          description: "Fibre",
          unitAmount: 10000,
          netAmount: 10000,
          taxRate: 15,
          taxAmount: 1500,
          totalAmount: 11500,
        },
      },
    },
  });
  // One transaction: the database checks at commit that payments, allocations, refunds and
  // ledger rows add up (5,100 received = 5,000 on the invoice + 100 refunded).
  await db.$transaction(async (tx) => {
    await tx.invoice.update({
      where: { id: invoice.id },
      data: {
        status: "PARTIALLY_PAID",
        number: `INV-${tag}`,
        finalizedAt: new Date(),
        amountPaid: 5000,
        amountCredited: 1150,
      },
    });
    const payment = await tx.payment.create({
      data: {
        customerId,
        amount: 5100,
        currency: "ZAR",
        method: "EFT",
        status: "SUCCEEDED",
        unallocated: 0,
        externalId: `pay-${tag}`,
      },
    });
    await tx.paymentAllocation.create({
      data: { paymentId: payment.id, invoiceId: invoice.id, amount: 5000 },
    });
    const cn = await tx.creditNote.create({
      data: {
        number: `CN-${tag}`,
        invoiceId: invoice.id,
        customerId,
        currency: "ZAR",
        netAmount: 1000,
        taxAmount: 150,
        total: 1150,
        reason: "goodwill",
      },
    });
    const refund = await tx.refund.create({
      data: { paymentId: payment.id, amount: 100, externalId: `ref-${tag}` },
    });
    const base = { customerId, currency: "ZAR", effectiveDate: new Date("2026-01-01") };
    await tx.ledgerEntry.createMany({
      data: [
        {
          ...base,
          kind: "INVOICE",
          sourceKey: `invoice:${invoice.id}`,
          amount: 11500,
          description: "Invoice",
          invoiceId: invoice.id,
        },
        {
          ...base,
          kind: "PAYMENT",
          sourceKey: `payment:${payment.id}`,
          amount: -5100,
          description: "Payment",
          paymentId: payment.id,
        },
        {
          ...base,
          kind: "CREDIT_NOTE",
          sourceKey: `cn:${cn.id}`,
          amount: -1150,
          description: "Credit",
          creditNoteId: cn.id,
        },
        {
          ...base,
          kind: "REFUND",
          sourceKey: `refund:${refund.id}`,
          amount: 100,
          description: "Refund",
          refundId: refund.id,
        },
      ],
    });
  });
  return invoice;
}

beforeAll(async () => {
  await seedDemo({
    adminEmail: "admin@demo.test",
    adminPassword: "admin-password-1",
    staffPassword: "staff-password-1",
    customers: 25,
    today: new Date("2026-02-15"),
  });
  const a = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } });
  admin = { kind: "user", id: a.id, role: "ADMIN", name: a.name };
});

describe("remove demo data", () => {
  test("the form must say REMOVE: a request without the field is refused, not obeyed", () => {
    expect(removeDemoDataSchema.safeParse({}).success).toBe(false);
    expect(removeDemoDataSchema.safeParse({ confirm: "" }).success).toBe(false);
    expect(removeDemoDataSchema.safeParse({ confirm: " remove " }).success).toBe(true);
  });

  test("only an actor with settings:write may do it", async () => {
    for (const role of ["SALES", "ACCOUNTS", "SUPPORT", "TECHNICIAN", "CUSTOMER"] as const) {
      await expect(
        removeDemoData({ actor: { kind: "user", id: "x", role, name: "x" } }),
      ).rejects.toSatisfy((e) => e instanceof AppError && e.code === "FORBIDDEN");
    }
  });

  test("deletes demo customers with their invoices, payments, ledger, orders and contracts; keeps real ones", async () => {
    const demo = await db.customer.findMany({
      where: { isDemo: true },
      take: 3,
      orderBy: { accountNumber: "asc" },
    });
    for (const [i, c] of demo.entries()) await giveMoneyHistory(c.id, `D${i}`);
    // An order with a signed contract: the contract trigger refuses the SET NULL a cascade would do.
    const template = await db.contractTemplate.findFirstOrThrow();
    const order = await db.order.create({
      data: { number: "ORD-D1", customerId: demo[0].id, quote: {} },
    });
    await db.contract.create({
      data: {
        customerId: demo[0].id,
        orderId: order.id,
        templateId: template.id,
        content: {},
        signerName: "X",
        signedAt: new Date(),
        documentHash: "h",
        pdf: Buffer.from("%PDF"),
      },
    });
    await db.notification.create({
      data: { channel: "EMAIL", to: demo[0].email, text: "hi", customerId: demo[0].id },
    });

    const realAddress = await db.address.create({
      data: { line1: "1 Real Road", city: "Paarl", country: "ZA" },
    });
    const real = await db.customer.create({
      data: {
        accountNumber: "R000001",
        paymentReference: "R000001",
        firstName: "Real",
        lastName: "Person",
        email: "real@example.test",
        currency: "ZAR",
        billingAddressId: realAddress.id,
      },
    });
    const realInvoice = await giveMoneyHistory(real.id, "R1");

    // The demo comes with two months of billing history; count what hangs off demo customers.
    const demoInvoices = await db.invoice.count({ where: { customer: { isDemo: true } } });
    const demoLedger = await db.ledgerEntry.count({ where: { customer: { isDemo: true } } });
    expect(demoInvoices).toBeGreaterThan(3);
    const counts = await removeDemoData({ actor: admin });
    expect(counts.customers).toBe(25);
    expect(counts.invoices).toBe(demoInvoices);
    expect(counts.ledgerEntries).toBe(demoLedger);
    expect(counts.contracts).toBe(1);
    expect(counts.staff).toBe(DEMO_STAFF.length);
    expect(counts.addresses).toBeGreaterThanOrEqual(25);

    expect(await db.customer.count({ where: { isDemo: true } })).toBe(0);
    expect(await db.user.count({ where: { role: "CUSTOMER" } })).toBe(0);
    expect(await db.user.count({ where: { email: { in: DEMO_STAFF.map((s) => s.email) } } })).toBe(
      0,
    );
    expect(await db.subscription.count()).toBe(0);
    expect(await db.order.count()).toBe(0);
    expect(await db.notification.count()).toBe(0);
    expect((await db.ispSettings.findUniqueOrThrow({ where: { id: 1 } })).hasDemoData).toBe(false);

    // The real customer and every row of their books are untouched.
    expect(await db.customer.findUnique({ where: { id: real.id } })).not.toBeNull();
    expect(await db.address.findUnique({ where: { id: realAddress.id } })).not.toBeNull();
    expect(await db.invoiceLine.count({ where: { invoiceId: realInvoice.id } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { customerId: real.id } })).toBe(4);
    expect(await db.payment.count()).toBe(1);
    // The admin, the catalogue and coverage stay.
    expect(await db.user.count({ where: { email: "admin@demo.test", active: true } })).toBe(1);
    expect(await db.product.count()).toBeGreaterThan(0);
    expect(await db.coverageArea.count()).toBeGreaterThan(0);
    // Customers are gone but one real customer holds number R000001 outside the series: the
    // series restarts only where nothing is left (orders), and keeps going where rows remain.
    const series = Object.fromEntries(
      (await db.numberSeries.findMany()).map((s) => [s.code, s.nextNumber]),
    );
    expect(series.ORDER).toBe(1);
    expect(series.CUSTOMER).toBe(26);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "demo.remove" } });
    expect(audit.actorId).toBe(admin.kind === "user" ? admin.id : null);
  });

  test("running it again removes nothing more", async () => {
    const counts = await removeDemoData({ actor: admin });
    expect(counts.customers).toBe(0);
    expect(await db.customer.count()).toBe(1);
  });
});
