// The Inngest functions, run in-process by @inngest/test against the real database.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { InngestTestEngine } from "@inngest/test";
import { simpleParser } from "mailparser";
import { deliverPendingNotifications } from "@/lib/notifications/deliver-pending";
import { mailDir } from "@/lib/notifications/mailer";
import { afterEach, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { billingRun } from "@/inngest/functions/billing-run";
import { billingInvoiceFinalized } from "@/inngest/functions/billing-invoice-finalized";
import { startBillingRun } from "@/lib/billing/start-billing-run";
import { setClock } from "@/lib/time/clock";
import { createCustomer, createProduct, createSubscription, setupIsp, travelTo } from "./fixtures";

let vatId = "";
// @inngest/test runs step.sendEvent for real (there is no server here): stand in for its steps.
// A fresh array each time: the engine records executed steps into the options it was given.
const sendSteps = () =>
  Array.from({ length: 5 }, (_, i) => ({ id: `finalized-${i}`, handler: () => ({ ids: [] }) }));
beforeAll(async () => {
  vatId = (await setupIsp({ billingHour: 2 })).vat.id;
});
afterEach(() => setClock(undefined));

test("billing/run.requested works through the run batch by batch and fans out finalised invoices", async () => {
  const p = await createProduct({ taxClassId: vatId });
  for (let i = 0; i < 3; i++)
    await createSubscription({
      customerId: (await createCustomer()).id,
      product: p,
      startDate: "2026-10-01",
    });
  travelTo("2026-10-01");
  const run = await startBillingRun({
    asOf: "2026-10-01",
    actor: SYSTEM,
    trigger: "admin",
    deferred: true,
  });
  const t = new InngestTestEngine({
    function: billingRun,
    events: [{ name: "billing/run.requested", data: { runId: run.id, asOf: "2026-10-01" } }],
  });
  const { result, ctx } = await t.execute({ steps: sendSteps() });
  expect(result).toMatchObject({ runId: run.id, invoices: 3 });
  expect(await db.billingRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
    status: "COMPLETED",
    invoicesCreated: 3,
  });
  const sent = (
    ctx.step.sendEvent as unknown as { mock: { calls: [string, { name: string }[]][] } }
  ).mock.calls;
  expect(sent.flatMap(([, events]) => events).map((e) => e.name)).toEqual(
    Array(3).fill("billing/invoice.finalized"),
  );
});

test("the hourly cron bills once a day from the ISP's billing hour", async () => {
  const p = await createProduct({ taxClassId: vatId });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2026-11-02" });
  setClock(new Date("2026-11-01T23:30:00Z")); // 01:30 on 2 Nov in Johannesburg: before the hour
  const early = await new InngestTestEngine({ function: billingRun }).execute({
    events: [{ name: "inngest/scheduled.timer", data: {} }],
    steps: sendSteps(),
  });
  expect(early.result).toEqual({ skipped: true });
  setClock(new Date("2026-11-02T00:05:00Z")); // 02:05 local
  const due = await new InngestTestEngine({ function: billingRun }).execute({
    events: [{ name: "inngest/scheduled.timer", data: {} }],
    steps: sendSteps(),
  });
  expect(due.result).toMatchObject({ asOf: "2026-11-02" });
  expect(await db.invoice.count({ where: { customerId: c.id } })).toBe(1);
  const again = await new InngestTestEngine({ function: billingRun }).execute({
    events: [{ name: "inngest/scheduled.timer", data: {} }],
    steps: sendSteps(),
  });
  expect(again.result).toEqual({ skipped: true });
});

test("billing/invoice.finalized stores the PDF and queues one email with it", async () => {
  const p = await createProduct({ taxClassId: vatId });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2026-12-01" });
  travelTo("2026-12-01");
  const { runBilling } = await import("@/lib/billing/run-billing");
  await runBilling({ asOf: "2026-12-01", actor: SYSTEM });
  const inv = await db.invoice.findFirstOrThrow({ where: { customerId: c.id } });
  const event = {
    name: "billing/invoice.finalized",
    data: { invoiceId: inv.id, customerId: c.id },
  };
  await new InngestTestEngine({ function: billingInvoiceFinalized, events: [event] }).execute();
  await new InngestTestEngine({ function: billingInvoiceFinalized, events: [event] }).execute();
  expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).pdf).not.toBeNull();
  const mails = await db.notification.findMany({ where: { customerId: c.id } });
  expect(mails).toHaveLength(1);
  expect((mails[0].attachments as { filename: string }[])[0].filename).toBe(`${inv.number}.pdf`);
  // The outbox row holds a reference, not the PDF; the sent message carries the stored PDF.
  expect(JSON.stringify(mails[0].attachments)).not.toContain("contentBase64");
  await deliverPendingNotifications();
  const sent = (await readdir(mailDir())).filter((f) => f.includes(c.email));
  const eml = await simpleParser(await readFile(path.join(mailDir(), sent[0])));
  const stored = (await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).pdf!;
  expect(eml.attachments[0].content.equals(Buffer.from(stored))).toBe(true);
});
