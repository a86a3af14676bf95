// The bulk booking path lifts a dunning suspension the money clears, in the booking's own
// transaction, as one payment at a time does (tests/dunning/ladder.test.ts): a suspended
// customer's invoice and late fee paid by two credits of one batch restore the service once.
import { afterEach, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { receivePaymentsBulkTx } from "@/lib/payments/receive-payments-bulk-tx";
import { setClock } from "@/lib/time/clock";
import { addDays } from "@/lib/time/dates";
import { at, history, overdueCustomer, setupIsp } from "../dunning/fixtures";

beforeAll(async () => {
  await setupIsp();
});
afterEach(() => setClock(undefined));

test("a batch that clears a suspended customer's must-pay set restores the service once", async () => {
  const { customer, subscription, invoiceId } = await overdueCustomer({ issued: "2026-08-03" });
  for (let d = "2026-08-04"; d <= "2026-08-26"; d = addDays(d, 1))
    for (const hour of [7, 9, 16]) {
      at(d, hour);
      await runDunningSweep({ customerIds: [customer.id] });
    }
  expect((await history(customer.id)).map((e) => e.step)).toContain("suspend");
  const fee = await db.dunningEvent.findFirstOrThrow({
    where: { customerId: customer.id, step: "late-fee" },
  });
  at("2026-08-27", 10);
  const credit = (invoice: string, amount: number) => ({
    customerId: customer.id,
    amount,
    method: "EFT" as const,
    provider: "BANK" as const,
    receivedAt: new Date("2026-08-27T08:00:00Z"),
    receivedOn: "2026-08-27" as const,
    allocations: [{ invoiceId: invoice, amount }],
  });
  await db.$transaction((tx) =>
    receivePaymentsBulkTx(tx, [credit(invoiceId, 50000), credit(fee.feeInvoiceId!, 5000)]),
  );
  const sub = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
  expect(sub.status).toBe("ACTIVE");
  const account = await db.dunningAccount.findUniqueOrThrow({ where: { customerId: customer.id } });
  expect(account.state).toBe("CURRENT");
  const steps = (await history(customer.id)).map((e) => e.step);
  expect(steps.at(-1)).toBe("restore");
  expect(steps.filter((s) => s === "restore")).toHaveLength(1);
});
