// Every registry job, run by the embedded runner and as its Inngest function (@inngest/test) from
// the same database state, does the same thing: same invoices, same mail, same events, same
// result and the same JobRun history.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { inngest } from "@/inngest/client";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { encryptSecret } from "@/lib/crypto/encrypt";
import { db } from "@/lib/db";
import { JOB_NAMES } from "@/lib/jobs/registry";
import { syncServices } from "@/lib/network/sync-services";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { now, setClock } from "@/lib/time/clock";
import { dateInZone } from "@/lib/time/dates";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import type { Actor } from "@/lib/auth/roles";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";
import {
  invoicesState,
  jobRunsState,
  onBothRunners,
  outboxState,
  sentMail,
  withoutIds,
  type JobTrigger,
} from "./both-runners";
import { startFakeInngest, type SentEvent } from "./fake-inngest";
import { createStkPush } from "@/lib/payments/rails/mpesa/create-stk-push";
import { updateRailSettings } from "@/lib/payments/rails/update-rail-settings";
import { CREDENTIALS as DARAJA, startFakeDaraja } from "../rails/fake-daraja";
import { PSP_CLIENT, startFakePixPsp } from "../rails/fake-pix-psp";
import { makeTestPki } from "../rails/test-ca";
import { authorizePixAutomatico } from "@/lib/payments/rails/pix/automatico/authorize-pix-automatico";
import { startFakeStripe } from "../support/fake-stripe";
import { chargeInvoice } from "@/lib/payments/stripe/charge-invoice";
import { overdueCustomer } from "../dunning/fixtures";

const ACCOUNTS: Actor = { kind: "user", id: "u-accounts", role: "ACCOUNTS", name: "Ann" };
const ADMIN: Actor = { kind: "user", id: "u-admin", role: "ADMIN", name: "Ada" };

let fake: Awaited<ReturnType<typeof startFakeInngest>>;
let stripe: Awaited<ReturnType<typeof startFakeStripe>>;
let vatId = "";
const covered = new Set<string>();

beforeAll(async () => {
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64"); // webhook secrets
  fake = await startFakeInngest();
  stripe = await startFakeStripe();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_fake",
    STRIPE_PUBLISHABLE_KEY: "pk_test_fake",
    STRIPE_API_BASE: stripe.url,
  });
  inngest.setEnvVars({ INNGEST_EVENT_API_BASE_URL: fake.url, INNGEST_EVENT_KEY: "test-key" });
  vatId = (await setupIsp({ billingHour: 2 })).vat.id;
});
afterEach(() => setClock(undefined));
afterAll(async () => {
  await fake.close();
  await stripe.stop();
});

/** Events by name and customer (invoice and outbox ids differ between the two databases). */
const eventsOf = (events: SentEvent[]) =>
  events.map((e) => [e.name, e.data.customerId ?? null].join(" ")).sort();

async function compare<S>(job: string, trigger: JobTrigger, snapshot: () => Promise<S>) {
  covered.add(job);
  const { embedded, inngest: onInngest } = await onBothRunners({ job, trigger, fake, snapshot });
  expect(onInngest.error).toBeUndefined();
  expect(embedded.status).toBe("SUCCEEDED");
  expect(withoutIds(onInngest.result)).toEqual(withoutIds(embedded.result));
  expect(eventsOf(onInngest.events)).toEqual(eventsOf(embedded.events));
  expect(onInngest.state).toEqual(embedded.state);
  return { embedded, onInngest };
}

/** Each billing scenario starts with only its own subscriptions live. */
const endEarlierSubscriptions = () =>
  db.subscription.updateMany({ where: { status: "ACTIVE" }, data: { status: "CANCELLED" } });

const billingState = async () => ({
  invoices: await invoicesState(),
  runs: (await db.billingRun.findMany({ orderBy: { startedAt: "asc" } })).map((r) => ({
    asOf: r.asOf.toISOString(),
    status: r.status,
    trigger: r.trigger,
    processedCount: r.processedCount,
    invoicesCreated: r.invoicesCreated,
    invoicesTotal: Number(r.invoicesTotal),
  })),
  jobRuns: await jobRunsState(),
});

test("notifications.deliver sends the same queued mail", async () => {
  for (const to of ["ann@example.test", "ben@example.test"])
    await enqueueEmail({ to, subject: `Welcome ${to}`, text: "Hello", dedupeKey: `w:${to}` });
  const { embedded } = await compare(
    "notifications.deliver",
    { kind: "event", name: "notifications/notification.queued", data: { notificationId: "x" } },
    async () => ({
      outbox: await outboxState(),
      mail: await sentMail(),
      jobRuns: await jobRunsState(),
    }),
  );
  expect(embedded.result).toEqual({ sent: 2, failed: 0 });
  expect(embedded.state.mail.map((m) => m.to)).toEqual(["ann@example.test", "ben@example.test"]);
});

test("billing.run bills the same invoices from the ISP's billing hour, and only once a day", async () => {
  await endEarlierSubscriptions();
  const p = await createProduct({ taxClassId: vatId });
  for (let i = 0; i < 3; i++)
    await createSubscription({
      customerId: (await createCustomer()).id,
      product: p,
      startDate: "2026-11-02",
    });
  setClock(new Date("2026-11-01T23:30:00Z")); // 01:30 on 2 Nov in Johannesburg: before the hour
  const early = await compare("billing.run", { kind: "cron" }, billingState);
  expect(early.embedded.result).toEqual({
    skipped: "before the billing hour (2:00 Africa/Johannesburg)",
  });
  expect(early.embedded.state.invoices).toEqual([]);

  setClock(new Date("2026-11-02T00:05:00Z")); // 02:05 local
  const due = await compare("billing.run", { kind: "cron" }, billingState);
  expect(due.embedded.result).toMatchObject({
    asOf: "2026-11-02",
    status: "COMPLETED",
    invoicesCreated: 3,
  });
  expect(due.embedded.state.invoices.map((i) => i.status)).toEqual(["OPEN", "OPEN", "OPEN"]);
  expect(eventsOf(due.embedded.events)).toHaveLength(3);

  // Both databases now hold today's completed run: the next tick bills nothing.
  const again = await compare("billing.run", { kind: "cron" }, billingState);
  expect(again.embedded.result).toEqual({ skipped: "today's run (2026-11-02) is done" });
});

test("billing.run works through a run requested from admin or the API", async () => {
  await endEarlierSubscriptions();
  const p = await createProduct({ taxClassId: vatId });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2026-12-03" });
  travelTo("2026-12-03");
  const requested = await runBilling({
    actor: SYSTEM,
    asOf: "2026-12-03",
    trigger: "admin",
    defer: true,
  });
  expect(await db.billingRun.findUniqueOrThrow({ where: { id: requested.runId } })).toMatchObject({
    status: "RUNNING",
    heartbeatAt: null,
  });
  const { embedded } = await compare(
    "billing.run",
    { kind: "event", name: "billing/run.requested", data: { runId: requested.runId } },
    billingState,
  );
  expect(embedded.result).toMatchObject({
    runId: requested.runId,
    status: "COMPLETED",
    invoicesCreated: 1,
  });
});

test("billing.finalize-held finalises the same drafts once their hold has passed", async () => {
  await setupIsp({ invoiceHoldHours: 12 });
  try {
    await endEarlierSubscriptions();
    const p = await createProduct({ taxClassId: vatId });
    const c = await createCustomer();
    await createSubscription({ customerId: c.id, product: p, startDate: "2027-01-04" });
    travelTo("2027-01-04");
    await runBilling({ actor: SYSTEM, asOf: "2027-01-04" });
    setClock(new Date("2027-01-05T08:00:00Z"));
    const { embedded } = await compare("billing.finalize-held", { kind: "cron" }, billingState);
    expect(embedded.result).toEqual({ finalized: 1 });
    expect(eventsOf(embedded.events)).toEqual([`billing/invoice.finalized ${c.id}`]);
  } finally {
    await setupIsp({ invoiceHoldHours: 0 });
  }
});

test("billing.invoice-documents stores the same PDF and queues the same email, per event and as a sweep", async () => {
  await endEarlierSubscriptions();
  const p = await createProduct({ taxClassId: vatId });
  const [c1, c2] = [await createCustomer(), await createCustomer()];
  for (const c of [c1, c2])
    await createSubscription({ customerId: c.id, product: p, startDate: "2027-02-01" });
  travelTo("2027-02-01");
  await runBilling({ actor: SYSTEM, asOf: "2027-02-01" });
  const inv = await db.invoice.findFirstOrThrow({ where: { customerId: c1.id } });
  const documents = async () => ({
    invoices: await invoicesState(),
    outbox: await outboxState(),
    jobRuns: await jobRunsState(),
  });
  const one = await compare(
    "billing.invoice-documents",
    {
      kind: "event",
      name: "billing/invoice.finalized",
      data: { invoiceId: inv.id, customerId: c1.id },
    },
    documents,
  );
  expect(one.embedded.result).toEqual({ emailsQueued: 1 });
  const queued = one.embedded.state.outbox.filter((m) => m.to === c1.email);
  expect(queued).toEqual([expect.objectContaining({ status: "PENDING" })]);
  expect(queued[0].subject).toContain(`invoice ${inv.number}`);
  expect(one.embedded.state.invoices.find((i) => i.number === inv.number)?.hasPdf).toBe(true);
  expect(eventsOf(one.embedded.events)).toEqual(["notifications/notification.queued "]);

  // The sweep finds the other customer's invoice, finalised without an event.
  const sweep = await compare("billing.invoice-documents", { kind: "cron" }, documents);
  expect(sweep.embedded.result).toEqual({ emailsQueued: 1 });
});

test("payments.apply-credit spends the same customer credit on the same new invoice", async () => {
  await endEarlierSubscriptions();
  const p = await createProduct({ taxClassId: vatId, price: 30000 });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2027-03-01" });
  travelTo("2027-03-01");
  await runBilling({ actor: SYSTEM, asOf: "2027-03-01" });
  travelTo("2027-03-05");
  await recordManualPayment({
    actor: ACCOUNTS,
    customerId: c.id,
    amount: 50000, // R200 more than March: credit for April
    currency: "ZAR",
    method: "EFT",
    receivedOn: "2027-03-05",
  });
  travelTo("2027-04-01");
  await runBilling({ actor: SYSTEM, asOf: "2027-04-01" });
  const { embedded } = await compare("payments.apply-credit", { kind: "cron" }, async () => ({
    invoices: await invoicesState(),
    jobRuns: await jobRunsState(),
  }));
  expect(embedded.result).toMatchObject({ allocations: 1 });
  expect(embedded.state.invoices.filter((i) => i.customerId === c.id)).toEqual([
    expect.objectContaining({ status: "PAID" }),
    expect.objectContaining({ status: "PARTIALLY_PAID" }),
  ]);
});

test("webhooks.deliver sends the same signed events and records the same deliveries", async () => {
  const hits: string[] = [];
  const receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      hits.push(String(req.headers["lastmile-signature"] ?? ""));
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await createWebhookEndpoint({ actor: ADMIN, url, events: ["payment.succeeded"] });
    const c = await createCustomer();
    await recordManualPayment({
      actor: ACCOUNTS,
      customerId: c.id,
      amount: 1000,
      currency: "ZAR",
      method: "CASH",
      receivedOn: dateInZone(now(), "Africa/Johannesburg"),
    });
    const { embedded } = await compare("webhooks.deliver", { kind: "cron" }, async () => ({
      deliveries: (await db.webhookDelivery.findMany({ orderBy: { createdAt: "asc" } })).map(
        (d) => ({ eventType: d.eventType, status: d.status, attempts: d.attempts }),
      ),
      jobRuns: await jobRunsState(),
    }));
    expect(embedded.result).toEqual({ sent: 1, failed: 0 });
    expect(embedded.state.deliveries).toEqual([
      { eventType: "payment.succeeded", status: "SUCCEEDED", attempts: 1 },
    ]);
    expect(hits).toHaveLength(2); // once from each engine's database
    expect(hits.every((h) => /^t=\d+,v1=[0-9a-f]{64}$/.test(h))).toBe(true);
  } finally {
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});

/** A customer on a R300 plan with a saved default card (`pm` decides how the fake answers). */
async function cardCustomerFrom(startDate: string, pm: string) {
  await endEarlierSubscriptions();
  const p = await createProduct({ taxClassId: vatId, price: 30000 });
  const c = await createCustomer({ stripeCustomerId: `cus_${pm}` });
  await db.paymentMethod.create({
    data: { customerId: c.id, kind: "CARD", isDefault: true, stripePaymentMethodId: pm },
  });
  await createSubscription({ customerId: c.id, product: p, startDate });
  travelTo(startDate);
  await runBilling({ actor: SYSTEM, asOf: startDate });
  return {
    customer: c,
    invoice: await db.invoice.findFirstOrThrow({ where: { customerId: c.id } }),
  };
}

/** Card attempts as each engine left them (both talk to one fake Stripe: the idempotency key
 * makes the second engine's charge a replay of the first's). */
const cardState = async () => ({
  attempts: (
    await db.payment.findMany({
      where: { provider: "STRIPE" },
      orderBy: [{ attemptInvoiceId: "asc" }, { attempt: "asc" }],
    })
  ).map((p) => ({
    status: p.status,
    attempt: p.attempt,
    amount: p.amount,
    key: p.idempotencyKey,
    reason: p.failureReason,
  })),
  invoices: await invoicesState(),
  jobRuns: await jobRunsState(),
});

test("payments.charge-due charges the same default card once for the finalised invoice", async () => {
  const { invoice } = await cardCustomerFrom("2027-06-01", "pm_ok_both");
  const { embedded } = await compare(
    "payments.charge-due",
    {
      kind: "event",
      name: "billing/invoice.finalized",
      data: { invoiceId: invoice.id, customerId: invoice.customerId },
    },
    cardState,
  );
  expect(embedded.result).toMatchObject({ charged: 1, failed: 0 });
  expect(embedded.state.attempts).toEqual([
    expect.objectContaining({ status: "SUCCEEDED", key: `invoice:${invoice.id}:attempt:1` }),
  ]);
});

test("payments.retry charges a declined invoice again on the schedule's next day", async () => {
  const { invoice } = await cardCustomerFrom("2027-07-01", "pm_decline_both");
  await chargeInvoice({ actor: SYSTEM, invoiceId: invoice.id });
  travelTo("2027-07-04");
  const { embedded } = await compare("payments.retry", { kind: "cron" }, cardState);
  expect(embedded.result).toMatchObject({ scheduled: 1, failed: 1 });
  expect(embedded.state.attempts.filter((a) => a.key?.includes(invoice.id))).toHaveLength(2);
});

test("payments.janitor fails the same attempt Stripe never saw", async () => {
  const { customer, invoice } = await cardCustomerFrom("2027-08-01", "pm_ok_janitor");
  await db.payment.create({
    data: {
      customerId: customer.id,
      amount: invoice.total,
      currency: "ZAR",
      method: "CARD",
      provider: "STRIPE",
      status: "PENDING",
      attempt: 1,
      attemptKind: "AUTO_PAY",
      attemptInvoiceId: invoice.id,
      idempotencyKey: `invoice:${invoice.id}:attempt:1`,
      createdAt: new Date("2027-08-01T05:00:00Z"),
    },
  });
  const { embedded } = await compare("payments.janitor", { kind: "cron" }, cardState);
  expect(embedded.result).toMatchObject({ checked: 1, neverReached: 1 });
});

test("auth.rate-limit-cleanup deletes the same expired counters", async () => {
  setClock(new Date("2027-05-01T10:00:00Z"));
  await db.rateLimitBucket.createMany({
    data: [
      { key: "signin:pair:old", count: 5, resetAt: new Date("2027-05-01T09:00:00Z") },
      { key: "signin:pair:live", count: 2, resetAt: new Date("2027-05-01T10:10:00Z") },
    ],
  });
  const { embedded } = await compare("auth.rate-limit-cleanup", { kind: "cron" }, async () => ({
    keys: (await db.rateLimitBucket.findMany({ orderBy: { key: "asc" } })).map((b) => b.key),
    jobRuns: await jobRunsState(),
  }));
  expect(embedded.result).toEqual({ deleted: 1 });
  expect(embedded.state.keys).toContain("signin:pair:live");
  expect(embedded.state.keys).not.toContain("signin:pair:old");
});

test("ops.backup honours BACKUP_RETENTION=0 the same way (the backup itself: tests/ops)", async () => {
  process.env.BACKUP_RETENTION = "0";
  try {
    const { embedded } = await compare("ops.backup", { kind: "cron" }, async () => ({
      jobRuns: await jobRunsState(),
    }));
    expect(embedded.result).toEqual({ skipped: true });
  } finally {
    delete process.env.BACKUP_RETENTION;
  }
});

/** FreeRADIUS's rows we own and the CoA log, as each engine left them. */
const radiusState = async () => ({
  check: await db.$queryRawUnsafe(
    `SELECT username, attribute, op, value FROM radcheck ORDER BY username, attribute`,
  ),
  groups: await db.$queryRawUnsafe(
    `SELECT username, groupname FROM radusergroup ORDER BY username`,
  ),
  groupReplies: await db.$queryRawUnsafe(
    `SELECT groupname, attribute, op, value FROM radgroupreply ORDER BY groupname, id`,
  ),
  coa: await db.coaLog.count(),
  jobRuns: await jobRunsState(),
});

/** A live service with known PPPoE credentials (generated ones would differ per engine). */
async function networkService(username: string) {
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  await endEarlierSubscriptions();
  const p = await createProduct({ taxClassId: vatId, downloadMbps: 40, uploadMbps: 10 });
  const sub = await createSubscription({
    customerId: (await createCustomer()).id,
    product: p,
    startDate: "2027-03-01",
  });
  await db.subscription.update({
    where: { id: sub.id },
    data: { radiusUsername: username, radiusPassword: encryptSecret(`${username}-pw`) },
  });
  return sub;
}

test("radius.sync provisions the same rows, for one service on its event and as a sweep", async () => {
  const sub = await networkService("sync-1");
  const one = await compare(
    "radius.sync",
    {
      kind: "event",
      name: "subscriptions/subscription.changed",
      data: { subscriptionId: sub.id, change: "activate" },
    },
    radiusState,
  );
  expect(one.embedded.result).toMatchObject({ services: 1, added: { count: 1 } });
  expect(one.embedded.state.check).toEqual([
    { username: "sync-1", attribute: "Cleartext-Password", op: ":=", value: "sync-1-pw" },
  ]);
  await syncServices({ actor: SYSTEM, reason: "test" });
  await db.subscription.update({ where: { id: sub.id }, data: { status: "SUSPENDED" } });
  const sweep = await compare("radius.sync", { kind: "cron" }, radiusState);
  expect(sweep.embedded.result).toMatchObject({
    changed: { count: 1, first: [expect.stringContaining("→ lastmile-suspended")] },
  });
});

test("radius.resync puts back a row changed behind our back and reports it", async () => {
  await networkService("resync-1");
  await syncServices({ actor: SYSTEM, reason: "test" });
  await db.$executeRawUnsafe(`UPDATE radcheck SET value = 'tampered' WHERE username = 'resync-1'`);
  const { embedded } = await compare("radius.resync", { kind: "cron" }, radiusState);
  expect(embedded.result).toMatchObject({
    changed: {
      count: 1,
      first: [expect.stringMatching(/^resync-1: lastmile-plan-\S+ \(password\)$/)],
    },
  });
  expect(embedded.state.check).toContainEqual(
    expect.objectContaining({ username: "resync-1", value: "resync-1-pw" }),
  );
});

test("radius.verify-enforcement alerts the same staff about a session that outlived its Disconnects", async () => {
  const sub = await networkService("enforce-1");
  await db.user.create({
    data: { email: "noc@valley.example", name: "NOC", role: "TECHNICIAN", passwordHash: null },
  });
  await db.$executeRawUnsafe(
    `INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctupdatetime)
     VALUES ('e-1', 'ue-1', 'enforce-1', '192.0.2.1', '2027-03-02T06:00Z', '2027-03-02T07:00Z')`,
  );
  for (const minute of ["10", "20"])
    await db.coaLog.create({
      data: {
        kind: "DISCONNECT",
        subscriptionId: sub.id,
        nasIp: "192.0.2.1",
        username: "enforce-1",
        acctSessionId: "e-1",
        reason: "suspend",
        attributes: [],
        result: "ACK",
        sentAt: new Date(`2027-03-02T06:${minute}:00Z`),
        sessionUpdatedAt: new Date(`2027-03-02T06:${minute}:00Z`),
      },
    });
  const { embedded } = await compare("radius.verify-enforcement", { kind: "cron" }, async () => ({
    outbox: await outboxState(),
    jobRuns: await jobRunsState(),
  }));
  expect(embedded.result).toEqual({ resent: 0, alerted: 1 });
  expect(embedded.state.outbox.filter((m) => m.to === "noc@valley.example")).toEqual([
    expect.objectContaining({ subject: "Still online after disconnect: enforce-1" }),
  ]);
});

test("usage.fold folds the same accounting into the same daily usage", async () => {
  const sub = await networkService("fold-1");
  await db.$executeRawUnsafe(
    `INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctupdatetime, acctinputoctets, acctoutputoctets)
     VALUES ('f-1', 'uf-1', 'fold-1', '192.0.2.1', '2027-03-02T06:00Z', '2027-03-02T07:00Z', 300, 9000)`,
  );
  setClock(new Date("2027-03-02T07:03:00Z"));
  const { embedded } = await compare("usage.fold", { kind: "cron" }, async () => ({
    usage: (await db.usageDaily.findMany({ where: { subscriptionId: sub.id } })).map((u) => ({
      date: u.date.toISOString(),
      down: Number(u.downloadBytes),
      up: Number(u.uploadBytes),
    })),
    jobRuns: await jobRunsState(),
  }));
  expect(embedded.state.usage).toEqual([{ date: "2027-03-02T00:00:00.000Z", down: 9000, up: 300 }]);
});

test("rails.poll-charges pays the same STK push from the same status query", async () => {
  const daraja = await startFakeDaraja();
  try {
    await updateRailSettings({
      actor: ADMIN,
      input: {
        mpesa: {
          enabled: true,
          config: {
            baseUrl: daraja.url,
            shortcode: DARAJA.shortcode,
            consumerKey: DARAJA.consumerKey,
          },
          secrets: { consumerSecret: DARAJA.consumerSecret, passkey: DARAJA.passkey },
        },
      },
    });
    await endEarlierSubscriptions();
    const p = await createProduct({ taxClassId: vatId, price: 250000 });
    const c = await createCustomer({ currency: "KES", phone: "0712345678" });
    await createSubscription({ customerId: c.id, product: p, startDate: "2027-06-01" });
    travelTo("2027-06-01");
    await runBilling({ actor: SYSTEM, asOf: "2027-06-01" });
    const inv = await db.invoice.findFirstOrThrow({ where: { customerId: c.id } });
    const charge = await createStkPush({ actor: ACCOUNTS, invoiceId: inv.id });
    daraja.finish(charge.providerRef, 0, "The service request is processed successfully.");
    setClock(new Date(now().getTime() + 5 * 60_000));
    const { embedded } = await compare("rails.poll-charges", { kind: "cron" }, async () => ({
      charges: (await db.railCharge.findMany()).map((r) => [r.status, r.amount, r.queries]),
      invoices: await invoicesState(),
      jobRuns: await jobRunsState(),
    }));
    expect(embedded.result).toEqual({
      replayed: 0,
      queried: 1,
      paid: 1,
      failed: 0,
      expired: 0,
      refundsSettled: 0,
    });
    expect(embedded.state.charges).toEqual([["PAID", 250000, 1]]);
  } finally {
    await daraja.close();
  }
});

test("rails.schedule-pix-automatico sends the same collection for an invoice due in 2–10 days", async () => {
  const pki = makeTestPki();
  const psp = await startFakePixPsp(pki, {
    today: () => dateInZone(now(), "America/Sao_Paulo"),
  });
  try {
    await updateRailSettings({
      actor: ADMIN,
      input: {
        pix: {
          enabled: true,
          config: {
            key: "cobranca@provedor.example",
            merchantName: "Provedor",
            merchantCity: "Campinas",
            pspBaseUrl: psp.baseUrl,
            tokenUrl: psp.tokenUrl,
            clientId: PSP_CLIENT.clientId,
            caCertPem: pki.ca,
            receiverAccount: "012682",
            receiverAccountType: "CORRENTE",
          },
          secrets: {
            clientSecret: PSP_CLIENT.clientSecret,
            clientCertPem: pki.clientCert,
            clientKeyPem: pki.clientKey,
          },
        },
      },
    });
    await endEarlierSubscriptions();
    const p = await createProduct({ taxClassId: vatId, price: 12990 });
    const c = await createCustomer({ currency: "BRL", taxNumber: "12345678909" });
    await createSubscription({ customerId: c.id, product: p, startDate: "2027-07-01" });
    travelTo("2027-07-01");
    await runBilling({ actor: SYSTEM, asOf: "2027-07-01" });
    const inv = await db.invoice.findFirstOrThrow({ where: { customerId: c.id } });
    const rec = await authorizePixAutomatico({
      actor: { kind: "user", id: "u-c", role: "CUSTOMER", name: "C", customerId: c.id },
      customerId: c.id,
      maxAmount: 20000,
      periodicity: "MENSAL",
    });
    psp.approveRec(rec.idRec!);
    await db.pixRecurrence.update({ where: { id: rec.id }, data: { status: "APROVADA" } });
    setClock(new Date(inv.dueDate.getTime() - 5 * 86_400_000 + 10 * 3_600_000));
    const { embedded } = await compare(
      "rails.schedule-pix-automatico",
      { kind: "cron" },
      async () => ({
        charges: (await db.railCharge.findMany({ where: { invoiceId: inv.id } })).map((r) => [
          r.status,
          r.amount,
          r.recurrenceId,
        ]),
        jobRuns: await jobRunsState(),
      }),
    );
    expect(embedded.result).toEqual({ scheduled: 1, overCap: 0, refused: 0, retryLater: 0 });
    expect(embedded.state.charges).toEqual([["PENDING", 12990, rec.id]]);
  } finally {
    await psp.close();
  }
});

async function bankCustomer(price: number) {
  const p = await createProduct({ taxClassId: vatId, price });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2027-05-01" });
  travelTo("2027-05-01");
  await runBilling({ asOf: "2027-05-01", actor: SYSTEM });
  const method = await db.paymentMethod.create({ data: { customerId: c.id, kind: "DEBIT_ORDER" } });
  await db.debitMandate.create({
    data: {
      customerId: c.id,
      paymentMethodId: method.id,
      accountHolder: "Bank Job",
      accountNumberEnc: encryptSecret("NL91ABNA0417164300"),
      accountLast4: "4300",
      mandateReference: `JOB-${c.id}`,
      mandateText: "…",
      signedAt: new Date("2027-04-01T00:00:00Z"),
    },
  });
  return c;
}

const batchesState = async () => ({
  batches: (await db.collectionBatch.findMany({ orderBy: { createdAt: "asc" } })).map((b) => ({
    date: b.collectionDate.toISOString(),
    status: b.status,
    items: b.itemCount,
    total: b.totalAmount,
    autoKey: b.autoKey,
  })),
  jobRuns: await jobRunsState(),
});

test("bank.build-collection builds the same batch once for the collection day ahead", async () => {
  await endEarlierSubscriptions();
  await db.ispSettings.update({
    where: { id: 1 },
    data: {
      creditorId: "DE98ZZZ09999999999",
      bankIban: "DE89370400440532013000",
      bankCollectionDays: "20",
      bankPrenotifyDays: 5,
    },
  });
  await bankCustomer(41000);
  setClock(new Date("2027-05-15T08:00:00Z"));
  const { embedded } = await compare("bank.build-collection", { kind: "cron" }, batchesState);
  expect(embedded.result).toMatchObject({ collectionDate: "2027-05-20", created: true });
  expect(embedded.state.batches.filter((b) => b.autoKey === "auto:2027-05-20")).toHaveLength(1);
  const again = await compare("bank.build-collection", { kind: "cron" }, batchesState);
  expect(again.embedded.result).toMatchObject({ created: false });
});

test("bank.prenotify emails each debtor of a pending batch once", async () => {
  setClock(new Date("2027-05-15T09:00:00Z"));
  const { embedded } = await compare(
    "bank.prenotify",
    { kind: "event", name: "bank/collection.built", data: {} },
    async () => ({ outbox: await outboxState(), jobRuns: await jobRunsState() }),
  );
  expect(embedded.result).toMatchObject({ notified: 1 });
  expect(embedded.state.outbox.filter((m) => m.subject?.startsWith("Debit order of"))).toHaveLength(
    1,
  );
});

test("bank.import-inbox does nothing without BANK_INBOX_DIR", async () => {
  const { embedded } = await compare("bank.import-inbox", { kind: "cron" }, jobRunsState);
  expect(embedded.result).toEqual({ skipped: "BANK_INBOX_DIR is not set" });
});

test("dunning.sweep takes the same steps, charges the same fee and queues the same mail", async () => {
  const { customer, subscription } = await overdueCustomer({ issued: "2027-05-03" });
  travelTo("2027-05-24"); // a Monday, 09:00: two weeks overdue, so catch up to the suspension
  const dunningState = async () => ({
    events: (await db.dunningEvent.findMany({ orderBy: [{ customerId: "asc" }, { step: "asc" }] }))
      .map((e) => [e.step, e.amount, e.reason, e.date.toISOString(), e.feeInvoiceId !== null])
      .sort(),
    services: (await db.subscription.findMany({ where: { customerId: customer.id } })).map(
      (s) => s.status,
    ),
    // Fee invoices are numbered in whichever order the concurrent accounts finish: gapless, but
    // not the same on both runners.
    invoices: (await invoicesState()).map(({ number, ...i }) => ({ ...i, numbered: !!number })),
    outbox: await outboxState(),
    jobRuns: await jobRunsState(),
  });
  const { embedded } = await compare("dunning.sweep", { kind: "cron" }, dunningState);
  expect(embedded.state.services).toEqual(["SUSPENDED"]);
  const mine = await db.dunningEvent.findMany({ where: { customerId: customer.id } });
  expect(mine.map((e) => e.step).sort()).toEqual(["late-fee", "suspend"]);
  expect(subscription.id).toBeTruthy();
});

test("reports.snapshot-mrr writes the same snapshot (quarterly ÷ 3, add-ons with their plan)", async () => {
  await endEarlierSubscriptions();
  const c = await createCustomer();
  const plan = await createProduct({ taxClassId: vatId, price: 90000, interval: "QUARTER" });
  const addon = await createProduct({ taxClassId: vatId, price: 5000, kind: "ADDON" });
  const sub = await createSubscription({
    customerId: c.id,
    product: plan,
    startDate: "2027-04-01",
  });
  await createSubscription({ customerId: c.id, product: addon, startDate: "2027-04-01" }).then(
    (a) => db.subscription.update({ where: { id: a.id }, data: { parentId: sub.id } }),
  );
  setClock(new Date("2027-04-02T10:00:00Z"));
  const { embedded } = await compare("reports.snapshot-mrr", { kind: "cron" }, async () => ({
    // Earlier scenarios leave suspended services live too; this one's customer is the point.
    rows: (
      await db.mrrSnapshot.findMany({
        where: { customerId: c.id },
        orderBy: { subscriptionId: "asc" },
      })
    ).map((r) => ({
      day: r.day.toISOString(),
      subscriptionId: r.subscriptionId,
      mrr: r.mrr,
    })),
    jobRuns: await jobRunsState(),
  }));
  expect(embedded.state.rows).toEqual([
    { day: "2027-04-02T00:00:00.000Z", subscriptionId: sub.id, mrr: 35000 },
  ]);
});

test("reports.train-risk trains the same model (or, without enough history, none)", async () => {
  setClock(new Date("2027-04-05T03:25:00Z"));
  const { embedded } = await compare("reports.train-risk", { kind: "cron" }, async () => ({
    models: await db.riskModel.count(),
    scores: (await db.riskScore.findMany({ orderBy: { customerId: "asc" } })).map((r) => ({
      customerId: r.customerId,
      probability: r.probability.toString(),
    })),
    jobRuns: await jobRunsState(),
  }));
  expect(embedded.result).toMatchObject({ samples: expect.any(Number) });
});

test("every registry job has a scenario above (a new job needs one)", () => {
  expect([...covered].sort()).toEqual([...JOB_NAMES].sort());
});
