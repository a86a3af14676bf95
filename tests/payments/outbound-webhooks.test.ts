// Outbound webhooks against a local HTTP receiver that checks the `Lastmile-Signature` header on
// the raw body the way integrators are told to: events are queued with the payment that caused
// them, signed with the endpoint's secret, retried with backoff while the receiver fails, and
// given up after the last attempt; the delivery log records each try.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { logger } from "@/lib/log";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { webhooksDeliver as deliverJob } from "@/lib/jobs/definitions/webhooks.deliver";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { reversePayment } from "@/lib/payments/reverse-payment";
import type { JobStep } from "@/lib/jobs/define-job";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { retryWebhookDelivery } from "@/lib/webhooks/retry-webhook-delivery";
import { setWebhookEndpointActive } from "@/lib/webhooks/set-webhook-endpoint-active";
import { MAX_DELIVERY_ATTEMPTS } from "@/lib/webhooks/retry-schedule";
import { signatureHeader, verifySignature } from "@/lib/webhooks/sign-webhook";
import { now, setClock } from "@/lib/time/clock";
import { accounts, customerWithInvoices, setupIsp } from "./fixtures";

const admin: Actor = { kind: "user", id: "u-admin", role: "ADMIN", name: "Ada" };

type Received = {
  path: string;
  verified: boolean;
  event: { id: string; type: string; data: { object: Record<string, unknown> } };
};
const received: Received[] = [];
/** Per path: how many more requests to answer with 500 before answering 200. */
const failures = new Map<string, number>();
const secrets = new Map<string, string>();
let server: Server;
let base = "";

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  await setupIsp();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "";
      const verified = verifySignature({
        secret: secrets.get(path) ?? "",
        body,
        header: req.headers["lastmile-signature"] as string | undefined,
        now: Math.floor(now().getTime() / 1000),
      });
      received.push({ path, verified, event: JSON.parse(body) });
      const left = failures.get(path) ?? 0;
      if (left > 0) failures.set(path, left - 1);
      res.writeHead(!verified ? 400 : left > 0 ? 500 : 200).end(left > 0 ? "busy" : "ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(async () => {
  setClock(undefined);
  await db.webhookEndpoint.deleteMany(); // each test counts its own endpoint's deliveries
});

const step: JobStep = { run: (_n, fn) => fn(), sendEvent: async () => {} };
const deliver = () =>
  deliverJob.handler({
    payload: {},
    step,
    log: logger,
    runId: "t",
  }) as Promise<{ sent: number; failed: number }>;

async function endpoint(path: string, events: string[]) {
  const created = await createWebhookEndpoint({
    actor: admin,
    url: `${base}${path}`,
    events: events as never,
  });
  secrets.set(path, created.secret);
  return created;
}

const pay = (customerId: string, amount: number) =>
  recordManualPayment({
    actor: accounts,
    customerId,
    amount,
    currency: "ZAR",
    method: "EFT",
    receivedOn: "2026-03-02",
  });

describe("delivery", () => {
  test("a payment that settles an invoice sends signed payment.succeeded and invoice.paid events", async () => {
    const { secret, endpoint: ep } = await endpoint("/ok", ["payment.succeeded", "invoice.paid"]);
    expect(secret).toMatch(/^whsec_/);
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect(stored.secretEnc).not.toContain(secret);
    const { customer, invoices } = await customerWithInvoices(1);
    const p = await pay(customer.id, 30000);
    expect(await db.webhookDelivery.count({ where: { endpointId: ep.id } })).toBe(2);
    expect(await deliver()).toEqual({ sent: 2, failed: 0 });
    const mine = received.filter((r) => r.path === "/ok");
    expect(mine.every((r) => r.verified)).toBe(true);
    expect(mine.map((r) => r.event.type).sort()).toEqual(["invoice.paid", "payment.succeeded"]);
    const paid = mine.find((r) => r.event.type === "invoice.paid")!;
    expect(paid.event.data.object).toMatchObject({ id: invoices[0].id, status: "PAID" });
    const succeeded = mine.find((r) => r.event.type === "payment.succeeded")!;
    expect(succeeded.event.id).toMatch(/^evt_/);
    expect(succeeded.event.data.object).toMatchObject({
      id: p.id,
      amount: 30000,
      allocations: [{ invoiceId: invoices[0].id, amount: 30000 }],
    });
    expect(await deliver()).toEqual({ sent: 0, failed: 0 }); // nothing sent twice
    const log = await getWebhookEndpoint({ actor: admin, endpointId: ep.id });
    expect(log.deliveries.map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual([
      ["SUCCEEDED", 1, 200],
      ["SUCCEEDED", 1, 200],
    ]);
  });

  test("failures are retried with backoff until the receiver answers 2xx", async () => {
    const { endpoint: ep } = await endpoint("/flaky", ["payment.reversed"]);
    failures.set("/flaky", 2);
    const { customer } = await customerWithInvoices(1);
    const p = await pay(customer.id, 1000);
    const t0 = new Date("2026-03-15T10:00:00Z");
    setClock(t0);
    await reversePayment({ actor: accounts, paymentId: p.id, reason: "bounced" });
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    let d = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: ep.id } });
    expect(d).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastStatusCode: 500,
      lastError: "busy",
    });
    expect(d.nextAttemptAt.getTime() - t0.getTime()).toBe(60_000);
    expect(await deliver()).toEqual({ sent: 0, failed: 0 }); // not due yet
    setClock(new Date(t0.getTime() + 60_000));
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    d = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: ep.id } });
    expect(d.nextAttemptAt.getTime() - (t0.getTime() + 60_000)).toBe(5 * 60_000);
    setClock(new Date(t0.getTime() + 6 * 60_000));
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    d = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: ep.id } });
    expect(d).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 200 });
    const tries = received.filter((r) => r.path === "/flaky");
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((r) => r.event.id)).size).toBe(1); // the same event each time
    expect(tries[0].event.data.object).toMatchObject({ status: "REVERSED" });
  });

  test("an endpoint that never answers is given up on after the last attempt; a retry sends it again", async () => {
    const { endpoint: ep } = await endpoint("/down", ["payment.succeeded"]);
    failures.set("/down", 1_000);
    const { customer } = await customerWithInvoices(1);
    let at = new Date("2026-03-15T10:00:00Z");
    setClock(at);
    await pay(customer.id, 1000);
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++) {
      expect(await deliver()).toEqual({ sent: 0, failed: 1 });
      at = new Date(at.getTime() + 24 * 3600_000);
      setClock(at);
    }
    const d = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: ep.id } });
    expect(d).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS });
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    failures.set("/down", 0);
    await retryWebhookDelivery({ actor: admin, deliveryId: d.id });
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
  });

  test("only subscribed, active endpoints get events; a paused endpoint's deliveries wait", async () => {
    const { endpoint: ep } = await endpoint("/paused", ["payment.succeeded"]);
    const { endpoint: other } = await endpoint("/other", ["invoice.paid"]);
    const { customer } = await customerWithInvoices(1);
    await pay(customer.id, 100); // not enough to settle the invoice: no invoice.paid
    expect(await db.webhookDelivery.count({ where: { endpointId: other.id } })).toBe(0);
    await setWebhookEndpointActive({ actor: admin, endpointId: ep.id, active: false });
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(
      await db.webhookDelivery.count({ where: { endpointId: ep.id, status: "PENDING" } }),
    ).toBe(1);
    await pay(customer.id, 100); // paused: nothing new is queued
    expect(await db.webhookDelivery.count({ where: { endpointId: ep.id } })).toBe(1);
    await setWebhookEndpointActive({ actor: admin, endpointId: ep.id, active: true });
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
  });
});

describe("signatures and access", () => {
  test("a signature fails on another body, another secret or an old timestamp", () => {
    const t = 1_800_000_000;
    const header = signatureHeader("whsec_a", '{"x":1}', t);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    const ok = { secret: "whsec_a", body: '{"x":1}', header, now: t + 10 };
    expect(verifySignature(ok)).toBe(true);
    expect(verifySignature({ ...ok, body: '{"x":2}' })).toBe(false);
    expect(verifySignature({ ...ok, secret: "whsec_b" })).toBe(false);
    expect(verifySignature({ ...ok, now: t + 301 })).toBe(false);
    expect(verifySignature({ ...ok, header: "t=1800000000,v1=zz" })).toBe(false);
    expect(verifySignature({ ...ok, header: null })).toBe(false);
  });

  test("endpoints are an admin's business and need a valid URL and events", async () => {
    await expect(
      createWebhookEndpoint({ actor: accounts, url: `${base}/x`, events: ["invoice.paid"] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createWebhookEndpoint({ actor: admin, url: "ftp://example.com", events: ["invoice.paid"] }),
    ).rejects.toThrow();
    await expect(
      createWebhookEndpoint({ actor: admin, url: `${base}/x`, events: [] }),
    ).rejects.toThrow();
    await expect(
      createWebhookEndpoint({
        actor: admin,
        url: `${base}/x`,
        events: ["charge.refunded" as never],
      }),
    ).rejects.toThrow();
  });
});
