// The embedded scheduler's billing sweeps (used when no Inngest server is configured).
import { afterEach, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { runScheduledBilling } from "@/lib/billing/run-scheduled-billing";
import { requestBillingRun } from "@/lib/billing/request-billing-run";
import { processRequestedBillingRuns } from "@/lib/billing/process-requested-runs";
import { emailFinalizedInvoices } from "@/lib/invoices/email-invoice";
import { setClock } from "@/lib/time/clock";
import { createCustomer, createProduct, createSubscription, setupIsp, travelTo } from "./fixtures";

let vatId = "";
beforeAll(async () => {
  vatId = (await setupIsp({ billingHour: 3 })).vat.id;
});
afterEach(() => setClock(undefined));

test("the daily sweep bills once from the billing hour in the ISP's zone, then emails the invoices once", async () => {
  const p = await createProduct({ taxClassId: vatId });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2026-07-15" });
  setClock(new Date("2026-07-15T00:30:00Z")); // 02:30 in Johannesburg
  expect((await runScheduledBilling()).run).toBeNull();
  setClock(new Date("2026-07-15T01:05:00Z")); // 03:05
  expect((await runScheduledBilling()).run).toMatchObject({
    asOf: "2026-07-15",
    invoicesCreated: 1,
  });
  expect((await runScheduledBilling()).run).toBeNull(); // once a day
  expect(await emailFinalizedInvoices()).toBe(1);
  expect(await emailFinalizedInvoices()).toBe(0);
  const mail = await db.notification.findFirstOrThrow({ where: { customerId: c.id } });
  expect(mail.subject).toMatch(/invoice INV-/);
});

test("a run requested from admin waits for the runner, which completes it", async () => {
  const p = await createProduct({ taxClassId: vatId });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2026-08-03" });
  travelTo("2026-08-03");
  const run = await requestBillingRun({ asOf: "2026-08-03", actor: SYSTEM, trigger: "admin" });
  expect(run).toMatchObject({ status: "RUNNING", heartbeatAt: null, dueCount: expect.any(Number) });
  const [done] = await processRequestedBillingRuns();
  expect(done.runId).toBe(run.id);
  expect(await db.billingRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
    status: "COMPLETED",
  });
  expect(await db.invoice.count({ where: { customerId: c.id } })).toBe(1);
  expect(await processRequestedBillingRuns()).toEqual([]);
});
