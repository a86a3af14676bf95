// The sandbox clock through /api/v1/sandbox/clock: only with SANDBOX_CLOCK=true, only for ADMIN
// keys, stored in the database so that every instance sharing it runs on the same business time.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createIsp } from "@/lib/setup/create-isp";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { now, sandboxOffset, setSandboxOffset } from "@/lib/time/clock";
import { syncClock } from "@/lib/time/sync-clock";
import { GET, PUT, DELETE } from "@/app/api/v1/sandbox/clock/route";
import { GET as me } from "@/app/api/v1/me/route";
import { callApi } from "../support/call-api";

let adminKey = "";
let accountsKey = "";
beforeAll(async () => {
  const admin = await createIsp({
    name: "Sandbox ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  const actor = { kind: "user" as const, id: admin.id, role: "ADMIN" as const, name: "Ada" };
  adminKey = (await createApiKey({ actor, name: "sandbox", role: "ADMIN" })).key;
  accountsKey = (await createApiKey({ actor, name: "accounts", role: "ACCOUNTS" })).key;
});
afterEach(async () => {
  delete process.env.SANDBOX_CLOCK;
  await db.sandboxClock.deleteMany();
  setSandboxOffset(0);
});

const near = (iso: string, target: string) =>
  Math.abs(new Date(iso).getTime() - new Date(target).getTime()) < 5_000;

describe("without SANDBOX_CLOCK", () => {
  test("the routes do not exist: 404 for everyone, even before the key is checked", async () => {
    for (const [handler, method] of [
      [GET, "GET"],
      [PUT, "PUT"],
      [DELETE, "DELETE"],
    ] as const) {
      for (const key of [adminKey, undefined]) {
        const res = await callApi(handler, method, "/sandbox/clock", {
          key,
          body: method === "PUT" ? { now: "2027-01-01T00:00:00Z" } : undefined,
        });
        expect(res.status, `${method} ${key ? "with" : "without"} key`).toBe(404);
      }
    }
    expect(await db.sandboxClock.count()).toBe(0);
  });

  test("a row left in the database is ignored: business time is real time", async () => {
    await db.sandboxClock.create({ data: { offsetMs: 86_400_000n * 400n, setTo: new Date() } });
    setSandboxOffset(12345);
    await syncClock();
    expect(sandboxOffset()).toBe(0);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe("with SANDBOX_CLOCK=true", () => {
  test("an ADMIN key sets, reads and resets the clock; business time follows it", async () => {
    process.env.SANDBOX_CLOCK = "true";
    const put = await callApi(PUT, "PUT", "/sandbox/clock", {
      key: adminKey,
      body: { now: "2027-03-01T07:00:00Z" },
    });
    expect(put.status).toBe(200);
    expect(near(put.body.now, "2027-03-01T07:00:00Z")).toBe(true);
    expect(await todayForIsp()).toBe("2027-03-01");

    const got = await callApi(GET, "GET", "/sandbox/clock", { key: adminKey });
    expect(got.status).toBe(200);
    expect(Object.keys(got.body)).toEqual(["now"]);
    expect(near(got.body.now, "2027-03-01T07:00:00Z")).toBe(true);

    // Earlier is allowed too: the instance is a sandbox.
    const back = await callApi(PUT, "PUT", "/sandbox/clock", {
      key: adminKey,
      body: { now: "2020-02-29T12:00:00+02:00" },
    });
    expect(near(back.body.now, "2020-02-29T10:00:00Z")).toBe(true);
    expect(await todayForIsp()).toBe("2020-02-29");

    const reset = await callApi(DELETE, "DELETE", "/sandbox/clock", { key: adminKey });
    expect(reset.status).toBe(200);
    expect(near(reset.body.now, new Date().toISOString())).toBe(true);
    expect(await db.sandboxClock.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: { startsWith: "sandbox.clock_" } } })).toBe(
      3,
    );
  });

  test("only ADMIN keys; bad instants are 400s", async () => {
    process.env.SANDBOX_CLOCK = "true";
    expect((await callApi(GET, "GET", "/sandbox/clock")).status).toBe(401);
    const denied = await callApi(PUT, "PUT", "/sandbox/clock", {
      key: accountsKey,
      body: { now: "2027-01-01T00:00:00Z" },
    });
    expect(denied).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    for (const bad of [{ now: "2027-02-30T00:00:00Z" }, { now: "tomorrow" }, {}, { now: 5 }]) {
      const res = await callApi(PUT, "PUT", "/sandbox/clock", { key: adminKey, body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await db.sandboxClock.count()).toBe(0);
  });

  test("a clock set on one instance is seen by the next request on another", async () => {
    process.env.SANDBOX_CLOCK = "true";
    await callApi(PUT, "PUT", "/sandbox/clock", {
      key: adminKey,
      body: { now: "2027-06-01T07:00:00Z" },
    });
    // Another instance moves it (its PUT only touches the shared row); this process still
    // caches the old offset until its next request.
    const offsetMs = new Date("2028-01-15T07:00:00Z").getTime() - Date.now();
    await db.sandboxClock.update({ where: { id: 1 }, data: { offsetMs: BigInt(offsetMs) } });
    expect(now().toISOString().slice(0, 10)).toBe("2027-06-01");
    const res = await callApi(me, "GET", "/me", { key: adminKey });
    expect(res.status).toBe(200);
    expect(now().toISOString().slice(0, 10)).toBe("2028-01-15");
    // …and a reset elsewhere returns this instance to real time on its next request.
    await db.sandboxClock.deleteMany();
    await callApi(me, "GET", "/me", { key: adminKey });
    expect(sandboxOffset()).toBe(0);
  });
});
