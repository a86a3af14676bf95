import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { setClock } from "@/lib/time/clock";
import { createCustomer, createProduct, createSubscription, setupIsp, travelTo } from "./fixtures";

let vatId = "";
beforeAll(async () => {
  const { vat } = await setupIsp();
  vatId = vat.id;
});
afterEach(() => setClock(undefined));

describe("billing run", () => {
  test("bills what is due, finalises with sequential numbers, posts the ledger; a re-run creates nothing", async () => {
    const monthly = await createProduct({ taxClassId: vatId, price: 34500 });
    const yearly = await createProduct({ taxClassId: vatId, price: 300000, interval: "YEAR" });
    const a = await createCustomer();
    const b = await createCustomer();
    await createSubscription({ customerId: a.id, product: monthly, startDate: "2026-01-31" });
    await createSubscription({ customerId: a.id, product: yearly, startDate: "2026-02-15" });
    await createSubscription({ customerId: b.id, product: monthly, startDate: "2026-03-05" });
    travelTo("2026-03-01");

    const first = await runBilling({ asOf: "2026-03-01", actor: SYSTEM });
    // a: Jan 31 + Feb 28 monthly, Feb 15 yearly → one invoice; b not yet started
    expect(first.invoicesCreated).toBe(1);
    const inv = await db.invoice.findFirstOrThrow({
      where: { customerId: a.id },
      include: { lines: { orderBy: { sortOrder: "asc" } } },
    });
    expect(inv.status).toBe("OPEN");
    expect(inv.number).toMatch(/^INV-\d{6}$/);
    expect(
      inv.lines.map((l) => [l.kind, l.periodStart?.toISOString().slice(0, 10), l.totalAmount]),
    ).toEqual([
      ["RECURRING", "2026-01-31", 34500],
      ["RECURRING", "2026-02-28", 34500],
      ["RECURRING", "2026-02-15", 300000],
    ]);
    expect(inv.total).toBe(369000);
    expect(inv.taxTotal).toBe(4500 + 4500 + 39130);
    expect(inv.dueDate.toISOString().slice(0, 10)).toBe("2026-03-08");
    const ledger = await db.ledgerEntry.findMany({ where: { customerId: a.id } });
    expect(ledger.map((l) => l.amount)).toEqual([369000]);

    const again = await runBilling({ asOf: "2026-03-01", actor: SYSTEM });
    expect(again.invoicesCreated).toBe(0);

    travelTo("2026-03-31");
    const third = await runBilling({ asOf: "2026-03-31", actor: SYSTEM });
    expect(third.invoicesCreated).toBe(2);
    const numbers = (await db.invoice.findMany({ select: { number: true } }))
      .map((i) => Number(i.number!.slice(4)))
      .sort((x, y) => x - y);
    expect(numbers).toEqual([1, 2, 3]);
    const run = await db.billingRun.findUniqueOrThrow({ where: { id: third.runId } });
    expect(run).toMatchObject({ status: "COMPLETED", invoicesCreated: 2, processedCount: 2 });
  });
});
