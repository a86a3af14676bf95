// A finalised invoice's PDF and email, made by the billing.invoice-documents job: the PDF is
// stored once, one email is queued however often the event arrives, and the message that goes
// out carries exactly the stored PDF.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, beforeAll, expect, test } from "vitest";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { db } from "@/lib/db";
import { findJob } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/run-job";
import { mailDir } from "@/lib/notifications/mailer";
import { setClock } from "@/lib/time/clock";
import { createCustomer, createProduct, createSubscription, setupIsp, travelTo } from "./fixtures";

let vatId = "";
beforeAll(async () => {
  vatId = (await setupIsp()).vat.id;
});
afterEach(() => setClock(undefined));

test("billing/invoice.finalized stores the PDF and queues one email, which is sent with that PDF", async () => {
  const p = await createProduct({ taxClassId: vatId });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2026-12-01" });
  travelTo("2026-12-01");
  await runBilling({ asOf: "2026-12-01", actor: SYSTEM });
  const inv = await db.invoice.findFirstOrThrow({ where: { customerId: c.id } });
  const documents = findJob("billing.invoice-documents")!;
  for (let i = 0; i < 2; i++) {
    const run = await runJob({
      job: documents,
      payload: { invoiceId: inv.id, customerId: c.id },
      trigger: "event",
    });
    expect(run.result).toEqual({ emailsQueued: i === 0 ? 1 : 0 });
  }
  expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).pdf).not.toBeNull();
  const mails = await db.notification.findMany({ where: { customerId: c.id } });
  expect(mails).toHaveLength(1);
  expect((mails[0].attachments as { filename: string }[])[0].filename).toBe(`${inv.number}.pdf`);
  // The outbox row holds a reference, not the PDF; the sent message carries the stored PDF.
  expect(JSON.stringify(mails[0].attachments)).not.toContain("contentBase64");
  await runJob({ job: findJob("notifications.deliver")!, payload: {}, trigger: "cron" });
  const sent = (await readdir(mailDir())).filter((f) => f.includes(c.email));
  const eml = await simpleParser(await readFile(path.join(mailDir(), sent[0])));
  const stored = (await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).pdf!;
  expect(eml.attachments[0].content.equals(Buffer.from(stored))).toBe(true);
  // The sweep finds nothing left to email.
  expect((await runJob({ job: documents, payload: {}, trigger: "cron" })).result).toEqual({
    emailsQueued: 0,
  });
});
