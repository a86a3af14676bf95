// Data-cap notices on the 360° timeline: the real usage path (radacct → fold → cap check) sends
// the 80 % and 100 % notices, and the customer's timeline shows each as a usage alert of its own
// kind (filterable, and visible to a technician, who sees no money or mail).
import { randomBytes } from "node:crypto";
import { beforeAll, expect, test } from "vitest";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { syncServices } from "@/lib/network/sync-services";
import { now, setClock } from "@/lib/time/clock";
import { checkUsageCaps } from "@/lib/usage/check-usage-caps";
import { foldUsage } from "@/lib/usage/fold-usage";
import { getCustomerTimeline } from "@/lib/customers/get-customer-timeline";
import { createUserActor } from "../support/fixtures";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";

beforeAll(() => {
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
});

async function account(id: string, username: string, at: Date, down: number) {
  await db.$executeRawUnsafe(
    `INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime,
                          acctupdatetime, acctinputoctets, acctoutputoctets)
     VALUES ($1, $1, $2, '127.0.0.2', $3, $3, 0, $4)
     ON CONFLICT (acctuniqueid) DO UPDATE SET acctoutputoctets = $4, acctupdatetime = $3`,
    id,
    username,
    at,
    down,
  );
}

test("the 80 % and 100 % cap notices appear on the timeline as usage alerts", async () => {
  const { vat } = await setupIsp();
  travelTo("2026-11-10");
  const plan = await createProduct({
    taxClassId: vat.id,
    name: "Fibre 10 GB",
    dataCapGb: 10,
    capAction: "THROTTLE",
    fupDownloadMbps: 2,
    fupUploadMbps: 1,
  });
  const customer = await createCustomer();
  const sub = await createSubscription({
    customerId: customer.id,
    product: plan,
    startDate: "2026-11-01",
  });
  await syncServices({ actor: SYSTEM, reason: "test" });
  const username = (await db.subscription.findUniqueOrThrow({ where: { id: sub.id } }))
    .radiusUsername!;

  await account("s1", username, now(), 8.5e9);
  await foldUsage();
  await checkUsageCaps();
  setClock(new Date(now().getTime() + 3_600_000)); // an hour later, more downloaded
  await account("s1", username, now(), 10.5e9);
  await foldUsage();
  expect(await checkUsageCaps()).toMatchObject({ notified100: 1 });

  const tech = await createUserActor("TECHNICIAN");
  const { entries, kinds } = await getCustomerTimeline({
    actor: tech,
    customerId: customer.id,
    kinds: ["usage_alert"],
  });
  expect(kinds).toContain("usage_alert");
  expect(entries.map((e) => [e.kind, e.title, e.status])).toEqual([
    ["usage_alert", "100 % of the data cap used", "CAP_REACHED"],
    ["usage_alert", "80 % of the data cap used", null],
  ]);
  expect(entries[0].detail).toBe("Fibre 10 GB · 2026-11");
  // Among everything else, for someone who sees it all.
  const admin = await createUserActor("ADMIN");
  const all = await getCustomerTimeline({ actor: admin, customerId: customer.id });
  expect(all.entries.filter((e) => e.kind === "usage_alert")).toHaveLength(2);
  setClock(undefined);
});
