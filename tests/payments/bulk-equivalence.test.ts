// The bulk booking path leaves exactly the books the one-at-a-time path leaves: generated
// scenarios (customers with open invoices; new money and recorded card attempts, oldest due first,
// chosen invoices first, or exact allocations; overpayments) run once through
// receivePaymentTx/receiveAttemptTx → allocatePaymentTx → announcePaymentTx on one set of
// customers and once through receivePaymentsBulkTx on an identical set; payments, receipt
// numbers, allocations, ledger entries, invoice states, webhook events and receipt emails agree.
import { beforeAll, expect, test } from "vitest";
import fc from "fast-check";
import { db, type Tx } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { allocatePaymentTx } from "@/lib/payments/allocate-payment-tx";
import { announcePaymentTx } from "@/lib/payments/announce-payment-tx";
import { lockCustomerTx } from "@/lib/payments/lock-customer-tx";
import { queueReceiptEmailTx } from "@/lib/payments/receipt/queue-receipt-email-tx";
import { receiveAttemptTx, receivePaymentTx } from "@/lib/payments/receive-payment-tx";
import { receivePaymentsBulkTx, type BulkReceipt } from "@/lib/payments/receive-payments-bulk-tx";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { createCustomer, setupIsp, travelTo } from "./fixtures";

beforeAll(async () => {
  await setupIsp();
  travelTo("2026-03-15");
  await createWebhookEndpoint({
    actor: SYSTEM,
    url: "http://127.0.0.1:9/hook",
    events: ["payment.succeeded", "invoice.paid"],
  });
});

type Receipt = {
  customer: number;
  amount: number;
  mode: "oldest" | "prefer" | "chosen";
  invoice: number;
  attempt: boolean;
};

const scenario = fc.record({
  invoices: fc.array(
    fc.array(fc.record({ total: fc.integer({ min: 100, max: 40_000 }), due: fc.nat(40) }), {
      minLength: 0,
      maxLength: 4,
    }),
    { minLength: 1, maxLength: 3 },
  ),
  receipts: fc.array(
    fc.record({
      customer: fc.nat(2),
      amount: fc.integer({ min: 1, max: 60_000 }),
      mode: fc.constantFrom("oldest", "prefer", "chosen"),
      invoice: fc.nat(3),
      attempt: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

let invoiceSeq = 0;

/** A set of customers with OPEN invoices as generated (posted to the ledger like finalised ones). */
async function makeGroup(invoices: { total: number; due: number }[][]) {
  const groups = [];
  for (const list of invoices) {
    const customer = await createCustomer();
    const rows = [];
    for (const inv of list) {
      const due = new Date(Date.UTC(2026, 1, 1 + inv.due));
      const row = await db.invoice.create({
        data: {
          customerId: customer.id,
          number: `EQ-${++invoiceSeq}`,
          status: "OPEN",
          currency: "ZAR",
          issueDate: due,
          dueDate: due,
          subtotal: inv.total,
          total: inv.total,
        },
      });
      await db.ledgerEntry.create({
        data: {
          customerId: customer.id,
          kind: "INVOICE",
          sourceKey: `invoice:${row.id}`,
          amount: inv.total,
          currency: "ZAR",
          description: `Invoice ${row.number}`,
          effectiveDate: due,
          invoiceId: row.id,
        },
      });
      rows.push(row);
    }
    groups.push({ customer, invoices: rows });
  }
  return groups;
}

type Group = Awaited<ReturnType<typeof makeGroup>>;

const attemptRow = (tx: Tx, customerId: string, amount: number) =>
  tx.payment.create({
    data: {
      customerId,
      amount,
      currency: "ZAR",
      method: "CARD",
      provider: "STRIPE",
      status: "PENDING",
      reference: "pi_eq",
    },
  });

/** Resolves a generated receipt against a group: its customer, invoices and exact allocations. */
async function resolve(group: Group, r: Receipt) {
  const g = group[r.customer % group.length];
  const inv = g.invoices.length ? g.invoices[r.invoice % g.invoices.length] : undefined;
  if (!inv || r.mode === "oldest") return { g, mode: "oldest" as const };
  if (r.mode === "prefer")
    return { g, mode: "prefer" as const, invoiceIdx: g.invoices.indexOf(inv) };
  const now = await db.invoice.findUniqueOrThrow({ where: { id: inv.id } });
  const open = now.total - now.amountPaid - now.amountCredited;
  if (open <= 0) return { g, mode: "oldest" as const };
  return {
    g,
    mode: "chosen" as const,
    invoiceIdx: g.invoices.indexOf(inv),
    amount: Math.min(open, r.amount),
  };
}

type Resolved = Awaited<ReturnType<typeof resolve>>;

async function bookOneByOne(group: Group, receipts: Receipt[]) {
  const plan: Resolved[] = [];
  for (const r of receipts) {
    const x = await resolve(group, r);
    plan.push(x);
    await db.$transaction(async (tx) => {
      const customer = await lockCustomerTx(tx, x.g.customer.id);
      const on = { receivedAt: new Date("2026-03-15T08:00:00Z"), receivedOn: "2026-03-15" };
      const payment = r.attempt
        ? await receiveAttemptTx(tx, {
            paymentId: (await attemptRow(tx, customer.id, r.amount)).id,
            amount: r.amount,
            ...on,
          })
        : await receivePaymentTx(tx, {
            customer,
            amount: r.amount,
            method: "EFT",
            provider: "BANK",
            reference: "EQ",
            ...on,
          });
      const invoiceId = x.mode === "oldest" ? undefined : x.g.invoices[x.invoiceIdx].id;
      if (x.mode === "chosen")
        await allocatePaymentTx(tx, {
          paymentId: payment.id,
          customerId: customer.id,
          allocations: [{ invoiceId: invoiceId!, amount: x.amount }],
        });
      else {
        if (invoiceId)
          await allocatePaymentTx(tx, {
            paymentId: payment.id,
            customerId: customer.id,
            onlyInvoiceIds: [invoiceId],
          });
        await allocatePaymentTx(tx, { paymentId: payment.id, customerId: customer.id });
      }
      await announcePaymentTx(tx, "payment.succeeded", payment.id);
      if (r.attempt) await queueReceiptEmailTx(tx, payment.id);
    });
  }
  return plan;
}

async function bookInBulk(group: Group, receipts: Receipt[], plan: Resolved[]) {
  await db.$transaction(async (tx) => {
    const bulk: BulkReceipt[] = [];
    for (const [k, r] of receipts.entries()) {
      const x = plan[k];
      const g = group[r.customer % group.length];
      const on = {
        customerId: g.customer.id,
        amount: r.amount,
        receivedAt: new Date("2026-03-15T08:00:00Z"),
        receivedOn: "2026-03-15" as const,
      };
      const target =
        x.mode === "chosen"
          ? { allocations: [{ invoiceId: g.invoices[x.invoiceIdx].id, amount: x.amount }] }
          : x.mode === "prefer"
            ? { preferInvoiceIds: [g.invoices[x.invoiceIdx].id] }
            : {};
      bulk.push(
        r.attempt
          ? {
              ...on,
              ...target,
              attemptId: (await attemptRow(tx, g.customer.id, r.amount)).id,
              receiptEmail: true,
            }
          : { ...on, ...target, method: "EFT", provider: "BANK", reference: "EQ" },
      );
    }
    await receivePaymentsBulkTx(tx, bulk);
  });
}

/** The group's books with its own ids replaced by positions, so two groups compare equal. */
async function books(group: Group) {
  const customerIdx = new Map(group.map((g, i) => [g.customer.id, i]));
  const invoiceIdx = new Map(group.flatMap((g) => g.invoices.map((inv, j) => [inv.id, j])));
  const ids = [...customerIdx.keys()];
  const payments = await db.payment.findMany({
    where: { customerId: { in: ids } },
    include: { allocations: true },
    orderBy: { number: "asc" },
  });
  const paymentIdx = new Map(payments.map((p, i) => [p.id, i]));
  const ledger = await db.ledgerEntry.findMany({
    where: { customerId: { in: ids } },
    orderBy: { id: "asc" },
  });
  const invoices = await db.invoice.findMany({ where: { customerId: { in: ids } } });
  const deliveries = await db.webhookDelivery.findMany({ orderBy: { createdAt: "asc" } });
  const ours = deliveries
    .map((d) => ({ type: d.eventType, object: JSON.parse(d.payload).data.object }))
    .filter((d) => customerIdx.has(d.object.customerId));
  const mails = await db.notification.findMany({ where: { customerId: { in: ids } } });
  const strip = (s: string) => s.replace(/RCT-\d+/g, "RCT").replace(/EQ-\d+/g, "EQ");
  return {
    numbers: payments.map((p) => Number(p.number!.replace(/\D/g, ""))),
    payments: payments.map((p) => ({
      customer: customerIdx.get(p.customerId),
      amount: p.amount,
      unallocated: p.unallocated,
      status: p.status,
      method: p.method,
      receivedOn: p.receivedOn,
      allocations: p.allocations
        .map((a) => [invoiceIdx.get(a.invoiceId), a.amount])
        .sort((a, b) => a[0]! - b[0]!),
    })),
    ledger: ledger
      .map((e) => ({
        customer: customerIdx.get(e.customerId),
        kind: e.kind,
        amount: e.amount,
        description: strip(e.description),
        payment: e.paymentId ? paymentIdx.get(e.paymentId) : null,
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    invoices: invoices
      .map((i) => [customerIdx.get(i.customerId)!, invoiceIdx.get(i.id)!, i.status, i.amountPaid])
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    events: ours
      .map((d) =>
        d.type === "invoice.paid"
          ? `${d.type} ${customerIdx.get(d.object.customerId)}/${invoiceIdx.get(d.object.id)} ${d.object.status} ${d.object.amountPaid}`
          : `${d.type} ${paymentIdx.get(d.object.id)} ${d.object.unallocated} ${JSON.stringify(d.object.allocations.map((a: { invoiceId: string; amount: number }) => [invoiceIdx.get(a.invoiceId), a.amount]))}`,
      )
      .sort(),
    mails: mails.map((m) => strip(m.text)).sort(),
  };
}

test("the bulk path books exactly what one-at-a-time booking books", async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ invoices, receipts }) => {
      const single = await makeGroup(invoices);
      const bulk = await makeGroup(invoices);
      const plan = await bookOneByOne(single, receipts);
      await bookInBulk(bulk, receipts, plan);
      const a = await books(single);
      const b = await books(bulk);
      // Gapless: the bulk run takes the receipt numbers right after the single run's.
      expect(b.numbers).toEqual(a.numbers.map((n) => n + receipts.length));
      expect(a.numbers).toEqual(a.numbers.map((_, i) => a.numbers[0] + i));
      expect({ ...b, numbers: null }).toEqual({ ...a, numbers: null });
    }),
    { numRuns: 25 },
  );
}, 120_000);
