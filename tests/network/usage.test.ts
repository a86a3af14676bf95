// Accounting through real FreeRADIUS (radclient Start / Interim-Update / Stop with Gigawords and
// Event-Timestamp) folded by the usage.fold job into daily usage: totals overwrite, a reconnect
// is a new session, each fold counts only growth, a replayed older Interim counts nothing, and a
// silent session is closed as stale. The ISP is in Johannesburg (UTC+2).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { findJob } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/run-job";
import { syncServices } from "@/lib/network/sync-services";
import { setClock } from "@/lib/time/clock";
import { getServiceUsage } from "@/lib/usage/get-service-usage";
import { createCustomer, createProduct, createSubscription, setupIsp } from "../billing/fixtures";
import { radclient, startFreeRadius, type FreeRadius } from "./freeradius";

const G = 2 ** 32;
let server: FreeRadius;
let subId = "";
let username = "";

const epoch = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** One accounting packet; byte counts are split into Gigawords and Octets as a NAS sends them. */
async function acct(
  type: "Start" | "Interim-Update" | "Stop",
  session: string,
  at: string,
  bytes: { down: number; up: number } = { down: 0, up: 0 },
) {
  const reply = await radclient(server, "acct", {
    "Acct-Status-Type": type,
    "User-Name": username,
    "Acct-Session-Id": session,
    "NAS-IP-Address": "127.0.0.1",
    "Event-Timestamp": epoch(at),
    "Acct-Output-Octets": bytes.down % G,
    "Acct-Output-Gigawords": Math.floor(bytes.down / G),
    "Acct-Input-Octets": bytes.up % G,
    "Acct-Input-Gigawords": Math.floor(bytes.up / G),
    ...(type === "Stop" ? { "Acct-Terminate-Cause": "User-Request" } : {}),
  });
  expect(reply.code).toBe("Accounting-Response");
}

async function fold(at: string) {
  setClock(new Date(at));
  const run = await runJob({ job: findJob("usage.fold")!, payload: {}, trigger: "manual" });
  expect(run.status).toBe("SUCCEEDED");
  return run.result as { staleClosed: number; sessions: number; downloadBytes: string };
}

const usage = () =>
  getServiceUsage({ actor: SYSTEM, subscriptionId: subId, from: "2026-11-10", to: "2026-11-11" });

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  const { vat } = await setupIsp({ radiusInterimSeconds: 300 });
  const plan = await createProduct({ taxClassId: vat.id, downloadMbps: 100, uploadMbps: 50 });
  const customer = await createCustomer();
  subId = (
    await createSubscription({ customerId: customer.id, product: plan, startDate: "2026-11-01" })
  ).id;
  setClock(new Date("2026-11-10T07:00:00Z"));
  await syncServices({ actor: SYSTEM, reason: "test" });
  username = (await db.subscription.findUniqueOrThrow({ where: { id: subId } })).radiusUsername!;
  server = await startFreeRadius();
}, 60_000);

afterAll(async () => {
  setClock(undefined);
  await server?.stop();
});

test("interim totals with Gigawords are counted once, on the local day they were reported", async () => {
  await acct("Start", "s-a", "2026-11-10T08:00:00Z");
  await acct("Interim-Update", "s-a", "2026-11-10T09:00:00Z", { down: 2 * G + 500, up: G + 1000 });
  await fold("2026-11-10T09:01:00Z");
  const again = await fold("2026-11-10T09:06:00Z");
  expect(again.downloadBytes).toBe("0"); // nothing new: nothing counted
  expect(await usage()).toEqual([
    { date: "2026-11-10", downloadBytes: 2 * G + 500, uploadBytes: G + 1000 },
    { date: "2026-11-11", downloadBytes: 0, uploadBytes: 0 },
  ]);
});

test("a session over midnight, a reconnect and a replayed older Interim give exact daily usage", async () => {
  // 23:50 local: the session's totals grow; 00:30 local (11 Nov): it stops.
  await acct("Interim-Update", "s-a", "2026-11-10T21:50:00Z", { down: 3 * G, up: G + 5000 });
  await fold("2026-11-10T21:55:00Z");
  await acct("Stop", "s-a", "2026-11-10T22:30:00Z", { down: 3 * G + 10_000, up: G + 6000 });
  // The reconnect is a new session (new Acct-Session-Id, a new radacct row).
  await acct("Start", "s-b", "2026-11-10T22:31:00Z");
  await acct("Interim-Update", "s-b", "2026-11-10T23:00:00Z", { down: 7000, up: 700 });
  await fold("2026-11-10T23:01:00Z");
  // An older Interim arriving late lowers radacct's totals; it must not be counted again later.
  await acct("Interim-Update", "s-b", "2026-11-10T22:58:00Z", { down: 5000, up: 500 });
  await fold("2026-11-10T23:06:00Z");
  await acct("Stop", "s-b", "2026-11-10T23:10:00Z", { down: 9000, up: 900 });
  await fold("2026-11-10T23:11:00Z");
  await fold("2026-11-10T23:16:00Z");

  const sessions = await db.$queryRawUnsafe<{ id: string; stop: Date | null }[]>(
    `SELECT acctsessionid AS id, acctstoptime AS stop FROM radacct WHERE username = $1 ORDER BY radacctid`,
    username,
  );
  expect(sessions.map((s) => [s.id, Boolean(s.stop)])).toEqual([
    ["s-a", true],
    ["s-b", true],
  ]);
  expect(await usage()).toEqual([
    { date: "2026-11-10", downloadBytes: 3 * G, uploadBytes: G + 5000 },
    { date: "2026-11-11", downloadBytes: 10_000 + 9000, uploadBytes: 1000 + 900 },
  ]);
});

test("a session silent for three interim intervals is closed as stale and counted once", async () => {
  await acct("Start", "s-c", "2026-11-11T06:00:00Z");
  await acct("Interim-Update", "s-c", "2026-11-11T06:05:00Z", { down: 4000, up: 40 });
  const early = await fold("2026-11-11T06:19:00Z"); // 14 minutes of silence: still open
  expect(early.staleClosed).toBe(0);
  const late = await fold("2026-11-11T06:21:00Z");
  expect(late.staleClosed).toBe(1);
  const [row] = await db.$queryRawUnsafe<{ stop: Date; cause: string }[]>(
    `SELECT acctstoptime AS stop, acctterminatecause AS cause FROM radacct WHERE acctsessionid = 's-c'`,
  );
  expect(row).toEqual({ stop: new Date("2026-11-11T06:05:00Z"), cause: "Stale-Session" });
  await fold("2026-11-11T06:26:00Z");
  expect((await usage())[1]).toEqual({
    date: "2026-11-11",
    downloadBytes: 19_000 + 4000,
    uploadBytes: 1900 + 40,
  });
  // The NAS was only cut off: its Stop arrives after all and FreeRADIUS records it over the
  // stale close. The growth since the last report is counted, once.
  await acct("Stop", "s-c", "2026-11-11T06:40:00Z", { down: 4500, up: 45 });
  await fold("2026-11-11T06:41:00Z");
  await fold("2026-11-11T06:46:00Z");
  expect((await usage())[1]).toMatchObject({
    downloadBytes: 19_000 + 4500,
    uploadBytes: 1900 + 45,
  });
});
