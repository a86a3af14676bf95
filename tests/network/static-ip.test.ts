// Static IPs through the API: a pool hands out its lowest free address (never the network,
// broadcast or gateway), never the same address twice even when asked at once, FreeRADIUS
// replies Framed-IP-Address for the service's login, and a release frees the address.
import { randomBytes } from "node:crypto";
import { beforeAll, expect, test } from "vitest";
import { GET as listPools, POST as createPool } from "@/app/api/v1/ip-pools/route";
import { DELETE as release, POST as assign } from "@/app/api/v1/subscriptions/[id]/static-ip/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { syncServices } from "@/lib/network/sync-services";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";
import { callApi } from "../support/call-api";

let tech = "";
let sales = "";
beforeAll(async () => {
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  tech = (await createApiKey({ actor: SYSTEM, name: "tech", role: "TECHNICIAN" })).key;
  sales = (await createApiKey({ actor: SYSTEM, name: "sales", role: "SALES" })).key;
});

const replyOf = async (username: string) =>
  db.$queryRawUnsafe<{ attribute: string; value: string }[]>(
    `SELECT attribute, value FROM radreply WHERE username = $1`,
    username,
  );

test("lowest free address, no double assignment, Framed-IP-Address in radreply, release", async () => {
  const { vat } = await setupIsp();
  travelTo("2026-11-10");
  const plan = await createProduct({ taxClassId: vat.id, downloadMbps: 50, uploadMbps: 50 });
  const subs = await Promise.all(
    [1, 2, 3, 4].map(async () =>
      createSubscription({
        customerId: (await createCustomer()).id,
        product: plan,
        startDate: "2026-11-01",
      }),
    ),
  );
  await syncServices({ actor: SYSTEM, reason: "test" });

  const pool = await callApi(createPool, "POST", "/ip-pools", {
    key: tech,
    body: { name: "Business", cidr: "203.0.113.0/30", gateway: "203.0.113.1" },
  });
  expect(pool).toMatchObject({ status: 201, body: { size: 1, assigned: 0 } });
  // A /29 that holds the /30 overlaps it; host bits, IPv6 and a gateway outside are 400s.
  expect(
    (
      await callApi(createPool, "POST", "/ip-pools", {
        key: tech,
        body: { name: "B2", cidr: "203.0.113.0/29" },
      })
    ).status,
  ).toBe(409);
  for (const body of [
    { name: "x", cidr: "203.0.113.5/30" },
    { name: "x", cidr: "2001:db8::/64" },
    { name: "x", cidr: "198.51.100.0/24", gateway: "203.0.113.1" },
  ])
    expect((await callApi(createPool, "POST", "/ip-pools", { key: tech, body })).status).toBe(400);
  expect(
    (
      await callApi(createPool, "POST", "/ip-pools", {
        key: sales,
        body: { name: "y", cidr: "198.51.100.0/24" },
      })
    ).status,
  ).toBe(403);

  // One address (.2) and two services asking at once: exactly one gets it.
  const [a, b] = await Promise.all(
    subs.slice(0, 2).map((s) =>
      callApi(assign, "POST", `/subscriptions/${s.id}/static-ip`, {
        key: tech,
        params: { id: s.id },
        body: { poolId: pool.body.id },
      }),
    ),
  );
  expect([a!.status, b!.status].sort()).toEqual([201, 409]);
  const winner = a!.status === 201 ? subs[0]! : subs[1]!;
  expect((a!.status === 201 ? a : b)!.body.address).toBe("203.0.113.2");

  const bigger = await callApi(createPool, "POST", "/ip-pools", {
    key: tech,
    body: { name: "Wide", cidr: "198.51.100.0/24" },
  });
  const asked = await callApi(assign, "POST", `/subscriptions/${subs[2]!.id}/static-ip`, {
    key: tech,
    params: { id: subs[2]!.id },
    body: { poolId: bigger.body.id, address: "198.51.100.77" },
  });
  expect(asked).toMatchObject({ status: 201, body: { address: "198.51.100.77" } });
  for (const address of ["198.51.100.77", "198.51.100.0", "198.51.100.255", "203.0.113.9"])
    expect(
      (
        await callApi(assign, "POST", `/subscriptions/${subs[3]!.id}/static-ip`, {
          key: tech,
          params: { id: subs[3]!.id },
          body: { poolId: bigger.body.id, address },
        })
      ).status,
    ).toBeGreaterThanOrEqual(400);

  await syncServices({ actor: SYSTEM, subscriptionIds: [winner.id], reason: "static-ip" });
  const login = (await db.subscription.findUniqueOrThrow({ where: { id: winner.id } }))
    .radiusUsername!;
  expect(await replyOf(login)).toEqual([{ attribute: "Framed-IP-Address", value: "203.0.113.2" }]);

  const listed = await callApi(listPools, "GET", "/ip-pools", { key: tech });
  expect(listed.body.data.find((p: { id: string }) => p.id === pool.body.id)).toMatchObject({
    assigned: 1,
  });

  expect(
    await callApi(release, "DELETE", `/subscriptions/${winner.id}/static-ip`, {
      key: tech,
      params: { id: winner.id },
    }),
  ).toMatchObject({ status: 200, body: { address: "203.0.113.2" } });
  await syncServices({ actor: SYSTEM, subscriptionIds: [winner.id], reason: "static-ip" });
  expect(await replyOf(login)).toEqual([]);
  expect(
    (
      await callApi(release, "DELETE", `/subscriptions/${winner.id}/static-ip`, {
        key: tech,
        params: { id: winner.id },
      })
    ).status,
  ).toBe(404);
});
