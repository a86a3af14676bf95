// Real FreeRADIUS on the config `npm run radius:config` writes, reading our database as the
// radius role: what a service's state lets through, packet by packet with radclient.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM } from "@/lib/auth/roles";
import { decryptSecret } from "@/lib/crypto/encrypt";
import { db } from "@/lib/db";
import { setIpoeIdentity } from "@/lib/network/set-ipoe-identity";
import { syncServices } from "@/lib/network/sync-services";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { resumeSubscription } from "@/lib/subscriptions/resume-subscription";
import { setSoftSuspension } from "@/lib/subscriptions/set-soft-suspension";
import { suspendSubscription } from "@/lib/subscriptions/suspend-subscription";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";
import { radclient, startFreeRadius, type FreeRadius } from "./freeradius";

let server: FreeRadius;
let sub: { id: string };
let username = "";
let password = "";

const sync = () => syncServices({ actor: SYSTEM, reason: "test" });
const login = (pw = password) =>
  radclient(server, "auth", {
    "User-Name": username,
    "User-Password": pw,
    "NAS-IP-Address": "127.0.0.1",
  });

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  const { vat } = await setupIsp();
  travelTo("2026-11-10");
  const plan = await createProduct({
    taxClassId: vat.id,
    code: "FIBRE-50",
    downloadMbps: 50,
    uploadMbps: 10,
    burstDownloadMbps: 100,
    burstUploadMbps: 20,
    burstSeconds: 16,
  });
  const customer = await createCustomer({ accountNumber: "BF-00042" });
  sub = await createSubscription({
    customerId: customer.id,
    product: plan,
    startDate: "2026-11-01",
  });
  await sync();
  const row = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
  username = row.radiusUsername!;
  password = decryptSecret(row.radiusPassword!);
  server = await startFreeRadius();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

test("an active service gets a PPPoE username from its account and a password of its own", () => {
  expect(username).toBe("bf-00042");
  expect(password).toMatch(/^[a-zA-Z2-9]{12}$/);
});

test("an active service is accepted with its plan's rate limit (PAP and CHAP)", async () => {
  const pap = await login();
  expect(pap.code).toBe("Access-Accept");
  expect(pap.attributes["Mikrotik-Rate-Limit"]).toEqual(["10M/50M 20M/100M 7500k/37500k 16/16"]);
  expect(pap.attributes["WISPr-Bandwidth-Max-Down"]).toEqual(["50000000"]);
  expect(pap.attributes["Acct-Interim-Interval"]).toEqual(["300"]);
  expect(pap.attributes["Cisco-AVPair"]).toHaveLength(2);
  const chap = await radclient(server, "auth", {
    "User-Name": username,
    "CHAP-Password": password,
  });
  expect(chap.code).toBe("Access-Accept");
  expect((await login("wrong-password")).code).toBe("Access-Reject");
});

test("a soft-suspended service is throttled and put in the redirect address list", async () => {
  await setSoftSuspension({ actor: SYSTEM, subscriptionId: sub.id, suspended: true });
  await sync();
  const reply = await login();
  expect(reply.code).toBe("Access-Accept");
  expect(reply.attributes["Mikrotik-Rate-Limit"]).toEqual(["512k/1024k"]);
  expect(reply.attributes["Mikrotik-Address-List"]).toEqual(["lastmile-redirect"]);
  await setSoftSuspension({ actor: SYSTEM, subscriptionId: sub.id, suspended: false });
  await sync();
  expect((await login()).attributes["Mikrotik-Rate-Limit"]?.[0]).toMatch(/^10M\/50M/);
});

test("a suspended service is rejected, or walled in when the ISP chooses the walled garden", async () => {
  await suspendSubscription({ actor: SYSTEM, subscriptionId: sub.id });
  await sync();
  const rejected = await login();
  expect(rejected.code).toBe("Access-Reject");
  expect(rejected.attributes["Reply-Message"]).toEqual(["Service suspended"]);

  await db.ispSettings.update({
    where: { id: 1 },
    data: { radiusSuspendedAccess: "WALLED_GARDEN" },
  });
  await sync();
  const walled = await login();
  expect(walled.code).toBe("Access-Accept");
  expect(walled.attributes["Mikrotik-Address-List"]).toEqual(["lastmile-walled-garden"]);
  await db.ispSettings.update({ where: { id: 1 }, data: { radiusSuspendedAccess: "REJECT" } });

  await resumeSubscription({ actor: SYSTEM, subscriptionId: sub.id });
  await sync();
  expect((await login()).code).toBe("Access-Accept");
});

test("an IPoE line is accepted by its MAC address without a password, and can go back to PPPoE", async () => {
  const plan = await db.product.findFirstOrThrow({ where: { code: "FIBRE-50" } });
  const line = await createSubscription({
    customerId: (await createCustomer()).id,
    product: plan,
    startDate: "2026-11-01",
  });
  const { username: mac } = await setIpoeIdentity({
    actor: SYSTEM,
    subscriptionId: line.id,
    identity: { kind: "MAC", value: "aa-bb-cc-00-11-22" },
  });
  expect(mac).toBe("AA:BB:CC:00:11:22");
  await syncServices({
    actor: SYSTEM,
    subscriptionIds: [line.id],
    reason: "credentials",
    verifyValues: true,
  });
  const dhcp = await radclient(server, "auth", { "User-Name": mac!, "User-Password": "" });
  expect(dhcp.code).toBe("Access-Accept");
  expect(dhcp.attributes["Mikrotik-Rate-Limit"]?.[0]).toMatch(/^10M\/50M/);
  // The same name cannot be a second line.
  const other = await createSubscription({
    customerId: (await createCustomer()).id,
    product: plan,
    startDate: "2026-11-01",
  });
  await expect(
    setIpoeIdentity({
      actor: SYSTEM,
      subscriptionId: other.id,
      identity: { kind: "MAC", value: "AA:BB:CC:00:11:22" },
    }),
  ).rejects.toMatchObject({ code: "CONFLICT" });

  await setIpoeIdentity({ actor: SYSTEM, subscriptionId: line.id, identity: null });
  await sync();
  expect((await radclient(server, "auth", { "User-Name": mac!, "User-Password": "" })).code).toBe(
    "Access-Reject",
  );
  const pppoe = await db.subscription.findUniqueOrThrow({ where: { id: line.id } });
  expect(pppoe).toMatchObject({
    accessType: "PPPOE",
    radiusUsername: expect.not.stringContaining(":"),
  });
});

test("the radius role reads users and writes accounting, and nothing else", async () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.username = "radius";
  url.password = "radius-test-password";
  const asRadius = new pg.Client({ connectionString: url.toString() });
  await asRadius.connect();
  try {
    const { rows } = await asRadius.query("SELECT value FROM radcheck WHERE username = $1", [
      username,
    ]);
    expect(rows).toEqual([{ value: password }]);
    for (const sql of [
      `INSERT INTO radcheck (username, attribute, op, value) VALUES ('x', 'Cleartext-Password', ':=', 'x')`,
      `UPDATE radusergroup SET groupname = 'lastmile-plan-FIBRE-50'`,
      `DELETE FROM radacct`,
      `SELECT id FROM "Subscription" LIMIT 1`,
    ])
      await expect(asRadius.query(sql), sql).rejects.toThrow(/permission denied/);
  } finally {
    await asRadius.end();
  }
});

test("a cancelled service loses its rows and cannot connect", async () => {
  await cancelSubscription({ actor: SYSTEM, subscriptionId: sub.id, mode: "IMMEDIATE" });
  const report = await sync();
  expect(report.removed.map((r) => r.username)).toEqual([username]);
  expect((await login()).code).toBe("Access-Reject");
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM radcheck WHERE username = $1`,
    username,
  );
  expect(Number(rows[0].n)).toBe(0);
});
