// RFC 5176 end to end: a session opened through real FreeRADIUS accounting, then a plan change,
// a suspension and a restore, each followed — through the event and the radius.sync job on the
// embedded scheduler — by a CoA-Request or Disconnect-Request at the NAS (a local listener
// speaking RADIUS on the NAS's registered CoA port), answered and logged.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startEmbeddedScheduler } from "@/inngest/embedded-scheduler";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createNas } from "@/lib/network/create-nas";
import { findJob } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/run-job";
import { syncServices } from "@/lib/network/sync-services";
import { changePlan } from "@/lib/subscriptions/change-plan";
import { resumeSubscription } from "@/lib/subscriptions/resume-subscription";
import { suspendSubscription } from "@/lib/subscriptions/suspend-subscription";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";
import { radclient, startCoaListener, startFreeRadius, type FreeRadius } from "./freeradius";

const NAS_IP = "127.0.0.2"; // the NAS-IP-Address our accounting packets carry
const NAS_SECRET = "nas-shared-secret";
let server: FreeRadius;
let listener: Awaited<ReturnType<typeof startCoaListener>>;
let stopScheduler: () => Promise<void>;
let subId = "";
let username = "";
let fastPlanId = "";

const MIKROTIK = 14988;
const vendorValue = (
  seen: { vendor: { vendor: number; type: number; value: Buffer }[] },
  type: number,
) => seen.vendor.find((v) => v.vendor === MIKROTIK && v.type === type)?.value.toString();

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  const { vat } = await setupIsp();
  travelTo("2026-11-10");
  const slow = await createProduct({
    taxClassId: vat.id,
    price: 30000,
    downloadMbps: 20,
    uploadMbps: 5,
  });
  const fast = await createProduct({
    taxClassId: vat.id,
    price: 50000,
    downloadMbps: 100,
    uploadMbps: 20,
  });
  fastPlanId = fast.id;
  const customer = await createCustomer();
  subId = (
    await createSubscription({ customerId: customer.id, product: slow, startDate: "2026-11-10" })
  ).id;
  listener = await startCoaListener(NAS_SECRET, NAS_IP);
  await createNas({
    actor: SYSTEM,
    input: {
      name: "bras-1",
      ipAddress: NAS_IP,
      type: "MIKROTIK",
      secret: NAS_SECRET,
      coaPort: listener.port,
    },
  });
  await syncServices({ actor: SYSTEM, reason: "test" });
  username = (await db.subscription.findUniqueOrThrow({ where: { id: subId } })).radiusUsername!;
  server = await startFreeRadius();
  const start = await radclient(server, "acct", {
    "Acct-Status-Type": "Start",
    "User-Name": username,
    "Acct-Session-Id": "81a00001",
    "NAS-IP-Address": NAS_IP,
    "Framed-IP-Address": "100.64.0.7",
  });
  expect(start.code).toBe("Accounting-Response");
  stopScheduler = startEmbeddedScheduler();
}, 60_000);

afterAll(async () => {
  await stopScheduler?.();
  await server?.stop();
  await listener?.close();
});

test("a plan change reaches the NAS as a CoA with the new rate limit within 5 s, and is logged", async () => {
  const started = performance.now();
  const arriving = listener.next();
  await changePlan({ actor: SYSTEM, subscriptionId: subId, toProductId: fastPlanId });
  const coa = await arriving;
  const elapsed = coa.at - started;
  console.log(`plan change → CoA-Request at the NAS: ${elapsed.toFixed(0)} ms`);
  expect(elapsed).toBeLessThan(5000);
  expect(coa.code).toBe("CoA-Request");
  expect(coa.attributes["User-Name"]).toBe(username);
  expect(coa.attributes["Acct-Session-Id"]).toBe("81a00001");
  expect(coa.attributes["Framed-IP-Address"]).toBe("100.64.0.7");
  expect(vendorValue(coa, 8)).toBe("20M/100M");
  await expect
    .poll(() => db.coaLog.findMany({ where: { subscriptionId: subId } }))
    .toEqual([
      expect.objectContaining({
        kind: "COA",
        reason: "plan-change",
        result: "ACK",
        errorCause: null,
      }),
    ]);
});

test("a suspension disconnects the session; a NAK's Error-Cause is recorded", async () => {
  const arriving = listener.next();
  await suspendSubscription({ actor: SYSTEM, subscriptionId: subId });
  expect((await arriving).code).toBe("Disconnect-Request");
  // (Events that arrive while radius.sync runs are folded into one sweep, logged as "sync".)
  await expect
    .poll(() =>
      db.coaLog.count({ where: { subscriptionId: subId, kind: "DISCONNECT", result: "ACK" } }),
    )
    .toBe(1);

  listener.nakWith(503); // Session-Context-Not-Found
  const again = listener.next();
  await resumeSubscription({ actor: SYSTEM, subscriptionId: subId });
  expect((await again).code).toBe("Disconnect-Request");
  await expect
    .poll(() => db.coaLog.findFirst({ where: { subscriptionId: subId, result: "NAK" } }))
    .toMatchObject({ kind: "DISCONNECT", errorCause: 503, error: "Session-Context-Not-Found" });
  listener.nakWith(null);
});

test("a session that keeps reporting after its Disconnect gets it again, then staff are alerted", async () => {
  await stopScheduler(); // the rest is driven step by step
  stopScheduler = async () => {};
  await db.user.create({
    data: { email: "noc@valley.example", name: "NOC", role: "TECHNICIAN", passwordHash: null },
  });
  // The first session ends; a new one opens.
  const first = { "User-Name": username, "Acct-Session-Id": "81a00001", "NAS-IP-Address": NAS_IP };
  await radclient(server, "acct", { ...first, "Acct-Status-Type": "Stop" });
  const session = { ...first, "Acct-Session-Id": "81a00002" };
  // The NAS stamps its packets (Event-Timestamp); interims follow a minute apart.
  const t0 = Math.floor(Date.now() / 1000);
  const at = (minutes: number) => ({ "Event-Timestamp": t0 + minutes * 60 });
  await radclient(server, "acct", { ...session, ...at(0), "Acct-Status-Type": "Start" });
  const disconnected = listener.next();
  await suspendSubscription({ actor: SYSTEM, subscriptionId: subId });
  await syncServices({ actor: SYSTEM, reason: "suspend" });
  expect((await disconnected).attributes["Acct-Session-Id"]).toBe("81a00002");

  const verify = async () =>
    (await runJob({ job: findJob("radius.verify-enforcement")!, payload: {}, trigger: "manual" }))
      .result;
  expect(await verify()).toEqual({ resent: 0, alerted: 0 }); // it went quiet: nothing to do
  // The NAS ACKed, but the session is still up and reporting.
  await radclient(server, "acct", { ...session, ...at(1), "Acct-Status-Type": "Interim-Update" });
  const again = listener.next();
  expect(await verify()).toEqual({ resent: 1, alerted: 0 });
  expect((await again).attributes["Acct-Session-Id"]).toBe("81a00002");

  await radclient(server, "acct", { ...session, ...at(2), "Acct-Status-Type": "Interim-Update" });
  expect(await verify()).toEqual({ resent: 0, alerted: 1 });
  expect(await verify()).toEqual({ resent: 0, alerted: 1 }); // the alert is not sent twice
  const alerts = await db.notification.findMany({ where: { subject: { contains: username } } });
  expect(alerts.map((a) => a.to)).toEqual(["noc@valley.example"]);
  expect(await db.coaLog.count({ where: { acctSessionId: "81a00002", kind: "DISCONNECT" } })).toBe(
    2,
  );
});
