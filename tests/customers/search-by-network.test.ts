// The staff search finds a customer by what the network knows of them: a static IP assignment,
// the framed IP of an open RADIUS session (a stopped session's address finds nobody), an IPoE
// line's MAC address in any common notation, and the PPPoE username.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { searchCustomers } from "@/lib/customers/search-customers";
import { createUserActor } from "../support/fixtures";
import { createCustomer, createProduct, createSubscription, setupIsp } from "../billing/fixtures";

let vatId = "";
beforeAll(async () => {
  vatId = (await setupIsp()).vat.id;
});

async function customerWithLogin(login: string) {
  const plan = await createProduct({ taxClassId: vatId, price: 30000 });
  const c = await createCustomer();
  const sub = await createSubscription({
    customerId: c.id,
    product: plan,
    startDate: "2026-04-01",
  });
  await db.subscription.update({ where: { id: sub.id }, data: { radiusUsername: login } });
  return { c, sub };
}

const found = async (q: string) => {
  const support = await createUserActor("SUPPORT");
  return (await searchCustomers({ actor: support, q })).customers.map((c) => c.id);
};

describe("search by network identity", () => {
  test("static IP, open session's framed IP, MAC and PPPoE username", async () => {
    const pppoe = await customerWithLogin("naledi@fibre");
    const ipoe = await customerWithLogin("AA:BB:CC:00:11:22");
    const pool = await db.ipPool.create({ data: { name: "p1", cidr: "203.0.113.0/28" } });
    await db.staticIp.create({
      data: { poolId: pool.id, address: "203.0.113.5", subscriptionId: pppoe.sub.id },
    });
    await db.$executeRawUnsafe(
      `INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctupdatetime, acctstoptime, framedipaddress)
       VALUES ('s-old', 'u-old', 'naledi@fibre', '127.0.0.3', '2026-11-09T08:00Z', '2026-11-09T09:00Z', '2026-11-09T09:00Z', '100.64.7.7'),
              ('s-live', 'u-live', 'AA:BB:CC:00:11:22', '127.0.0.3', '2026-11-10T06:00Z', '2026-11-10T06:30Z', NULL, '100.64.3.17')`,
    );

    expect(await found("203.0.113.5")).toEqual([pppoe.c.id]);
    expect(await found("100.64.3.17")).toEqual([ipoe.c.id]);
    expect(await found("100.64.7.7")).toEqual([]); // that session has ended
    expect(await found("aa-bb-cc-00-11-22")).toEqual([ipoe.c.id]);
    expect(await found("aabbcc001122")).toEqual([ipoe.c.id]);
    expect(await found("naledi@fibre")).toEqual([pppoe.c.id]);
    expect(await found("203.0.113.6")).toEqual([]);
  });
});
