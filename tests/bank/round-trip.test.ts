// The round trip: a collection file → a pain.002 rejecting two debits → a camt.054
// returning one → a camt.053 crediting the rest as one batch booking. Each invoice ends in the
// right status, the reason codes did what they say, and every customer's books balance.
import { afterEach, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { buildCollection } from "@/lib/bank/build-collection";
import { changeBatchStatus } from "@/lib/bank/change-batch-status";
import { getCollectionFile } from "@/lib/bank/get-collection-file";
import { importBankFile } from "@/lib/bank/import-bank-file";
import { onEvent } from "@/lib/events/publish";
import { setClock } from "@/lib/time/clock";
import {
  accounts,
  balanceOf,
  camt,
  customerWithMandate,
  invoiceState,
  pain002,
  setupBankIsp,
} from "./fixtures";

beforeAll(async () => {
  await setupBankIsp({ bankReturnFee: 5000, bankUseFrst: true });
});
afterEach(() => setClock(undefined));

const upload = (name: string, xml: string, acceptUnknownAccount?: boolean) =>
  importBankFile({
    actor: accounts,
    fileName: name,
    content: Buffer.from(xml),
    acceptUnknownAccount,
  });

async function booksBalance(customerId: string) {
  const invoices = await db.invoice.findMany({
    where: { customerId, status: { in: ["OPEN", "PARTIALLY_PAID", "PAID"] } },
  });
  const open = invoices.reduce((s, i) => s + i.total - i.amountPaid - i.amountCredited, 0);
  const credit = await db.payment.aggregate({
    where: { customerId, status: "SUCCEEDED" },
    _sum: { unallocated: true },
  });
  expect(await balanceOf(customerId)).toBe(open - (credit._sum.unallocated ?? 0));
}

test("collection → pain.002 rejects two → camt.054 returns one → camt.053 credits the rest", async () => {
  const customers: Awaited<ReturnType<typeof customerWithMandate>>[] = [];
  for (let i = 0; i < 5; i++) customers.push(await customerWithMandate());
  const events: unknown[] = [];
  const off = onEvent((e) => {
    if (e.name === "bank/debit.returned") events.push(e.data);
  });

  const { batch } = await buildCollection({ actor: accounts, collectionDate: "2026-03-20" });
  expect(batch!.itemCount).toBe(5);
  expect(batch!.totalAmount).toBe(customers.reduce((s, c) => s + c.invoices[0].total, 0));

  // Nothing collected twice: a second run finds every invoice in the unsettled batch.
  await expect(buildCollection({ actor: accounts, collectionDate: "2026-03-20" })).rejects.toThrow(
    /Nothing to collect/,
  );

  const file = await getCollectionFile({ actor: accounts, batchId: batch!.id });
  expect(file.body).toContain("<SeqTp>FRST</SeqTp>");
  await changeBatchStatus({ actor: accounts, batchId: batch!.id, to: "submit" });

  const items = await db.collectionItem.findMany({ where: { batchId: batch!.id } });
  const e2eOf = (i: number) =>
    items.find((it) => it.customerId === customers[i].customer.id)!.endToEndId;

  // pain.002: customer 0 insufficient funds (retry), customer 1 account closed (mandate suspended).
  const sts = await upload(
    "sts.xml",
    pain002(batch!.messageId, [
      { e2e: e2eOf(0), code: "AM04" },
      { e2e: e2eOf(1), code: "AC04" },
    ]).replace(`${batch!.messageId}-RCUR`, `${batch!.messageId}-FRST`),
  );
  expect(sts).toMatchObject({ kind: "PAIN002", status: "IMPORTED", returnCount: 2 });

  // camt.054: customer 2's debit comes back, MD06 (refund claim).
  const ntf = await upload(
    "ntf.xml",
    camt(
      "054",
      [
        {
          ref: "RET-1",
          amount: customers[2].invoices[0].total,
          credit: false,
          reversal: true,
          txs: [{ e2e: e2eOf(2), reason: "MD06" }],
        },
      ],
      undefined,
      "NTF-1",
    ),
  );
  expect(ntf).toMatchObject({ kind: "CAMT054", returnCount: 1 });

  // camt.053: one batch booking for the rest (customers 3 and 4).
  const rest = customers[3].invoices[0].total + customers[4].invoices[0].total;
  const stmt = await upload(
    "stmt.xml",
    camt(
      "053",
      [{ ref: "STMT-1", amount: rest, batchPmtInfId: `${batch!.messageId}-FRST` }],
      undefined,
      "STMT-1",
    ),
  );
  expect(stmt).toMatchObject({ kind: "CAMT053", matchedCount: 1, reviewCount: 0 });

  expect((await invoiceState(customers[0].invoices[0].id)).status).toBe("OPEN");
  expect((await invoiceState(customers[1].invoices[0].id)).status).toBe("OPEN");
  expect((await invoiceState(customers[2].invoices[0].id)).status).toBe("OPEN");
  expect((await invoiceState(customers[3].invoices[0].id)).status).toBe("PAID");
  expect((await invoiceState(customers[4].invoices[0].id)).status).toBe("PAID");

  const done = await db.collectionBatch.findUniqueOrThrow({ where: { id: batch!.id } });
  expect(done).toMatchObject({
    status: "PARTIALLY_RETURNED",
    settledCount: 2,
    settledAmount: rest,
    returnedCount: 3,
  });

  expect(
    (await db.debitMandate.findUniqueOrThrow({ where: { id: customers[1].mandate.id } })).status,
  ).toBe("SUSPENDED");
  expect(
    (await db.debitMandate.findUniqueOrThrow({ where: { id: customers[0].mandate.id } })).status,
  ).toBe("ACTIVE");
  expect(
    await db.notification.count({
      where: { customerId: customers[1].customer.id, subject: { contains: "debit order" } },
    }),
  ).toBe(1);
  // Fee for AM04 and MD06, none for a closed account.
  const fees = await db.oneOffCharge.findMany({
    where: { description: { startsWith: "Returned debit" } },
  });
  expect(fees.map((f) => f.customerId).sort()).toEqual(
    [customers[0].customer.id, customers[2].customer.id].sort(),
  );
  await new Promise((r) => setTimeout(r, 10));
  expect(events).toHaveLength(3);
  off();

  for (const c of customers) await booksBalance(c.customer.id);

  // Next cycle: AM04 is collected again (RCUR is not due yet: the first debit never settled → FRST);
  // the suspended mandate and the refund claim are not; the paid ones have nothing open.
  const next = await buildCollection({ actor: accounts, collectionDate: "2026-04-20" });
  const again = await db.collectionItem.findMany({ where: { batchId: next.batch!.id } });
  expect(again.map((i) => i.customerId)).toEqual([customers[0].customer.id]);

  // Re-importing any of the files books nothing new.
  for (const [name, xml] of [
    [
      "stmt.xml",
      camt(
        "053",
        [{ ref: "STMT-1", amount: rest, batchPmtInfId: `${batch!.messageId}-FRST` }],
        undefined,
        "STMT-1",
      ),
    ],
  ]) {
    const again = await upload(name, xml);
    expect(again).toMatchObject({ alreadyImported: true, duplicateCount: 1 });
  }
});

test("an invoice cannot sit in two unsettled batches: the database refuses it", async () => {
  const c = await customerWithMandate();
  const { batch } = await buildCollection({ actor: accounts, collectionDate: "2026-03-21" });
  const link = await db.collectionItemInvoice.findFirstOrThrow({
    where: { invoiceId: c.invoices[0].id },
  });
  await expect(
    db.collectionItemInvoice.create({
      data: {
        itemId: link.itemId,
        invoiceId: c.invoices[0].id,
        amount: 1,
        activeInvoiceId: c.invoices[0].id,
      },
    }),
  ).rejects.toThrow();
  await changeBatchStatus({ actor: accounts, batchId: batch!.id, to: "cancel" });
  const rebuilt = await buildCollection({ actor: accounts, collectionDate: "2026-03-21" });
  expect(rebuilt.batch!.itemCount).toBeGreaterThanOrEqual(1);
});
