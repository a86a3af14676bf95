// Debit-order collection of payment-arrangement instalments: an agreed arrangement's invoices are
// not collected whole; the run collects what of the instalments due by its date is unpaid, linked
// to the arranged invoices oldest first, once; the settled debit counts toward the instalments.
import { afterEach, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { buildCollection } from "@/lib/bank/build-collection";
import { settleItemTx } from "@/lib/bank/settle-item-tx";
import { proposeArrangement } from "@/lib/dunning/arrangements/propose-arrangement";
import { setClock } from "@/lib/time/clock";
import { accounts, balanceOf, customerWithMandate, setupBankIsp } from "./fixtures";

beforeAll(async () => {
  await setupBankIsp();
});
afterEach(() => setClock(undefined));

test("instalments due by the collection date are collected once, to the arranged invoices oldest first", async () => {
  // January and February invoices (30000 each) overdue on 15 March; a mandate.
  const { customer, invoices } = await customerWithMandate({ months: 2 });
  const total = invoices[0].total + invoices[1].total;
  const first = Math.ceil(total * 0.4);
  const a = await proposeArrangement({
    actor: {
      kind: "user",
      id: `u-${customer.id}`,
      role: "CUSTOMER",
      name: "C",
      customerId: customer.id,
    },
    customerId: customer.id,
    instalments: [
      { dueDate: "2026-03-20", amount: first },
      { dueDate: "2026-04-10", amount: total - first },
    ],
  });
  expect(a).toMatchObject({ status: "ACTIVE", total });

  // Before the first instalment: nothing (the arranged invoices are not collected whole).
  await expect(buildCollection({ actor: accounts, collectionDate: "2026-03-19" })).rejects.toThrow(
    /Nothing to collect/,
  );
  const { batch } = await buildCollection({ actor: accounts, collectionDate: "2026-03-20" });
  const [item] = await db.collectionItem.findMany({
    where: { batchId: batch!.id },
    include: { invoices: true },
  });
  expect(item).toMatchObject({ customerId: customer.id, amount: first });
  expect(first).toBeLessThan(invoices[0].total);
  expect(item.invoices.map((l) => [l.invoiceId, l.amount])).toEqual([[invoices[0].id, first]]);
  // Not twice while that debit is unsettled.
  await expect(buildCollection({ actor: accounts, collectionDate: "2026-03-25" })).rejects.toThrow(
    /Nothing to collect/,
  );

  // The bank pays it: the money counts toward the instalments; the next run waits for the second.
  await db.$transaction((tx) => settleItemTx(tx, item.id, "2026-03-20"));
  await expect(buildCollection({ actor: accounts, collectionDate: "2026-04-09" })).rejects.toThrow(
    /Nothing to collect/,
  );
  const { batch: second } = await buildCollection({
    actor: accounts,
    collectionDate: "2026-04-10",
  });
  const [item2] = await db.collectionItem.findMany({
    where: { batchId: second!.id },
    include: { invoices: true },
  });
  expect(item2).toMatchObject({ amount: total - first });
  expect(item2.invoices.map((l) => [l.invoiceId, l.amount])).toEqual([
    [invoices[0].id, invoices[0].total - first],
    [invoices[1].id, invoices[1].total],
  ]);
  await db.$transaction((tx) => settleItemTx(tx, item2.id, "2026-04-10"));
  expect(await db.paymentArrangement.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
    status: "KEPT",
  });
  expect(await balanceOf(customer.id)).toBe(0);
});
