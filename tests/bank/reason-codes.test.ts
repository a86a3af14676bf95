// One fixture per reason code the issue lists: a pain.002 reject (before settlement) or a camt.054
// return (after) with that code, and what it must do to the mandate, the invoice and the account.
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { buildCollection } from "@/lib/bank/build-collection";
import { changeBatchStatus } from "@/lib/bank/change-batch-status";
import { importBankFile } from "@/lib/bank/import-bank-file";
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
  await setupBankIsp({ bankReturnFee: 2500, bankRetryInsufficientFunds: true });
});

const CASES = [
  { code: "AM04", action: "RETRY", mandate: "ACTIVE", fee: true, recollect: true },
  { code: "AC01", action: "SUSPEND_MANDATE", mandate: "SUSPENDED", fee: false, recollect: false },
  { code: "AC04", action: "SUSPEND_MANDATE", mandate: "SUSPENDED", fee: false, recollect: false },
  { code: "AC06", action: "SUSPEND_MANDATE", mandate: "SUSPENDED", fee: false, recollect: false },
  { code: "MD01", action: "SUSPEND_MANDATE", mandate: "SUSPENDED", fee: false, recollect: false },
  { code: "MD07", action: "SUSPEND_MANDATE", mandate: "SUSPENDED", fee: false, recollect: false },
  { code: "MS02", action: "CONTACT", mandate: "ACTIVE", fee: true, recollect: false },
  { code: "MS03", action: "CONTACT", mandate: "ACTIVE", fee: true, recollect: false },
  { code: "MD06", action: "REFUND_CLAIM", mandate: "ACTIVE", fee: true, recollect: false },
  { code: "AM05", action: "REVIEW", mandate: "ACTIVE", fee: false, recollect: false },
] as const;

let day = 0;
for (const [i, c] of CASES.entries())
  for (const via of ["pain.002", "camt.054 after settlement"] as const)
    test(`${c.code} via ${via}: ${c.action}`, async () => {
      const made = await customerWithMandate();
      const date = `2026-03-${String(16 + (day++ % 12)).padStart(2, "0")}`;
      const { batch } = await buildCollection({ actor: accounts, collectionDate: date });
      const item = await db.collectionItem.findFirstOrThrow({
        where: { batchId: batch!.id, customerId: made.customer.id },
      });
      const settledFirst = via !== "pain.002";
      await db.collectionBatch.update({ where: { id: batch!.id }, data: { status: "SUBMITTED" } });
      if (settledFirst)
        await changeBatchStatus({ actor: accounts, batchId: batch!.id, to: "settle" });
      const xml = settledFirst
        ? camt(
            "054",
            [
              {
                ref: `RET-${c.code}-${i}`,
                amount: item.amount,
                credit: false,
                reversal: true,
                txs: [{ e2e: item.endToEndId, reason: c.code }],
              },
            ],
            undefined,
            `N-${c.code}-${i}`,
          )
        : pain002(batch!.messageId, [{ e2e: item.endToEndId, code: c.code }]);
      const res = await importBankFile({
        actor: accounts,
        fileName: "r.xml",
        content: Buffer.from(xml),
      });
      expect(res.returnCount).toBe(1);
      const after = await db.collectionItem.findUniqueOrThrow({ where: { id: item.id } });
      expect(after).toMatchObject({ reasonCode: c.code, action: c.action });
      expect(
        (await db.debitMandate.findUniqueOrThrow({ where: { id: made.mandate.id } })).status,
      ).toBe(c.mandate);
      expect((await invoiceState(made.invoices[0].id)).status).toBe("OPEN");
      const fees = await db.oneOffCharge.count({ where: { customerId: made.customer.id } });
      expect(fees).toBe(c.fee ? 1 : 0);
      expect(await balanceOf(made.customer.id)).toBe(made.invoices[0].total);
      const next = await buildCollection({ actor: accounts, collectionDate: "2026-05-01" }).catch(
        () => null,
      );
      const again = next?.batch
        ? await db.collectionItem.count({
            where: { batchId: next.batch.id, customerId: made.customer.id },
          })
        : 0;
      expect(again).toBe(c.recollect ? 1 : 0);
      if (next?.batch)
        await changeBatchStatus({ actor: accounts, batchId: next.batch.id, to: "cancel" });
    });
