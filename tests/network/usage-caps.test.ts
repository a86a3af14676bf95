// Data caps end to end on the real database: accounting folded into usage, the 80 % and 100 %
// notices once each, the fair-use group in FreeRADIUS's tables once the cap is used up, a top-up
// that lifts it at once, uncounted night hours, and overage billed once as a USAGE line on the
// next invoice.
import { randomBytes } from "node:crypto";
import { beforeAll, expect, test } from "vitest";
import { SYSTEM } from "@/lib/auth/roles";
import { billCustomerNowTx } from "@/lib/billing/bill-customers-tx";
import { db } from "@/lib/db";
import { fupGroup, planGroup } from "@/lib/network/radius-groups";
import { syncServices } from "@/lib/network/sync-services";
import { now } from "@/lib/time/clock";
import { buyTopUp } from "@/lib/usage/buy-top-up";
import { checkUsageCaps } from "@/lib/usage/check-usage-caps";
import { foldUsage } from "@/lib/usage/fold-usage";
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

let session = 0;
/** One accounting session as FreeRADIUS records it: totals so far, last update at `at`. */
async function account(username: string, at: Date, down: number, up = 0) {
  session++;
  await db.$executeRawUnsafe(
    `INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime,
                          acctupdatetime, acctinputoctets, acctoutputoctets)
     VALUES ($1, $1, $2, '127.0.0.2', $3, $3, $4, $5)`,
    `cap-${session}`,
    username,
    at,
    up,
    down,
  );
  return `cap-${session}`;
}

const grow = (id: string, at: Date, down: number) =>
  db.$executeRawUnsafe(
    `UPDATE radacct SET acctoutputoctets = $2, acctupdatetime = $3 WHERE acctsessionid = $1`,
    id,
    down,
    at,
  );

const groupOf = async (username: string) =>
  (
    await db.$queryRawUnsafe<{ groupname: string }[]>(
      `SELECT groupname FROM radusergroup WHERE username = $1`,
      username,
    )
  )[0]?.groupname;

const mails = (customerId: string) =>
  db.notification.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });

test("80 % and 100 % notices once, fair use at the cap, a top-up lifts it, night hours free", async () => {
  const { vat } = await setupIsp();
  travelTo("2026-11-10"); // 09:00 in Johannesburg
  const plan = await createProduct({
    taxClassId: vat.id,
    name: "Fibre 10 GB",
    downloadMbps: 20,
    uploadMbps: 10,
    dataCapGb: 10,
    capAction: "THROTTLE",
    fupDownloadMbps: 2,
    fupUploadMbps: 1,
    topUpGb: 5,
    topUpPrice: 5000,
    uncountedFromHour: 0,
    uncountedToHour: 6,
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
  expect(await groupOf(username)).toBe(planGroup(plan.code));

  // 02:30 local is inside the free hours: 5 GB that do not count.
  await account(username, new Date("2026-11-10T00:30:00Z"), 5e9);
  const day = await account(username, now(), 8.5e9);
  await foldUsage();
  let check = await checkUsageCaps();
  expect(check).toMatchObject({ notified80: 1, notified100: 0, capped: 0 });
  const period = await db.usagePeriod.findFirstOrThrow({ where: { subscriptionId: sub.id } });
  expect(period.usedBytes).toBe(8_500_000_000n);
  expect(await mails(customer.id)).toEqual([
    expect.objectContaining({ subject: "You have used 80 % of your data this month" }),
  ]);

  await grow(day, new Date(now().getTime() + 600_000), 10.5e9);
  await foldUsage();
  check = await checkUsageCaps();
  expect(check).toMatchObject({ notified80: 0, notified100: 1, capped: 1 });
  await syncServices({ actor: SYSTEM, subscriptionIds: [sub.id], reason: "usage-cap" });
  expect(await groupOf(username)).toBe(fupGroup(plan.code));
  const fup = await db.$queryRawUnsafe<{ value: string }[]>(
    `SELECT value FROM radgroupreply WHERE groupname = $1 AND attribute = 'Mikrotik-Rate-Limit'`,
    fupGroup(plan.code),
  );
  expect(fup).toEqual([{ value: "1M/2M" }]);

  // A second check (the next fold) acts on nothing again.
  expect(await checkUsageCaps()).toMatchObject({
    notified80: 0,
    notified100: 0,
    capped: 0,
    lifted: 0,
  });
  expect((await mails(customer.id)).map((m) => m.subject)).toEqual([
    "You have used 80 % of your data this month",
    "You have used all of your data for this month",
  ]);

  const actor = {
    kind: "user" as const,
    id: "u-c",
    role: "CUSTOMER" as const,
    name: "C",
    customerId: customer.id,
  };
  const { invoiceId } = await buyTopUp({ actor, subscriptionId: sub.id });
  const invoice = await db.invoice.findUniqueOrThrow({
    where: { id: invoiceId! },
    include: { lines: true },
  });
  // The immediate path bills whatever is due with it (here the month not billed yet).
  expect(invoice.lines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        kind: "ONE_OFF",
        unitAmount: 5000,
        description: expect.stringContaining("Data top-up 5 GB"),
      }),
    ]),
  );
  expect(invoice.status).not.toBe("DRAFT");
  expect(
    (await db.usagePeriod.findFirstOrThrow({ where: { subscriptionId: sub.id } })).cappedAt,
  ).toBeNull();
  await syncServices({ actor: SYSTEM, subscriptionIds: [sub.id], reason: "usage-cap" });
  expect(await groupOf(username)).toBe(planGroup(plan.code));
  // 10.5 GB used of 15 GB: still under, nothing more happens.
  expect(await checkUsageCaps()).toMatchObject({ capped: 0, lifted: 0 });

  // Another customer's service cannot be topped up by this customer.
  const other = await createSubscription({
    customerId: (await createCustomer()).id,
    product: plan,
    startDate: "2026-11-01",
  });
  await expect(buyTopUp({ actor, subscriptionId: other.id })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
});

test("overage is billed once, in arrears, as a USAGE line for the month", async () => {
  const { vat } = await setupIsp();
  travelTo("2026-11-20");
  const plan = await createProduct({
    taxClassId: vat.id,
    name: "Fibre metered",
    downloadMbps: 20,
    uploadMbps: 10,
    dataCapGb: 10,
    capAction: "BILL_OVERAGE",
    overagePerGb: 1500,
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
  await account(username, now(), 12.25e9);
  await foldUsage();
  expect(await checkUsageCaps()).toMatchObject({ notified100: 1, capped: 0, overageCharges: 0 });
  await syncServices({ actor: SYSTEM, subscriptionIds: [sub.id], reason: "usage-cap" });
  expect(await groupOf(username)).toBe(planGroup(plan.code)); // billed, not throttled

  travelTo("2026-12-02");
  expect((await checkUsageCaps()).overageCharges).toBe(1);
  expect((await checkUsageCaps()).overageCharges).toBe(0);
  const charges = await db.oneOffCharge.findMany({ where: { subscriptionId: sub.id } });
  expect(charges).toHaveLength(1);
  expect(charges[0]).toMatchObject({ lineKind: "USAGE", amount: 1500 });
  expect(charges[0]!.quantity.toString()).toBe("2.25");

  const billed = await db.$transaction((tx) => billCustomerNowTx(tx, customer.id, "2026-12-02"));
  const lines = await db.invoiceLine.findMany({
    where: { invoiceId: { in: billed.invoiceIds }, kind: "USAGE" },
  });
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ unitAmount: 1500, totalAmount: 3375 }); // 2.25 GB × 15.00, tax inclusive
  expect(lines[0]!.periodStart?.toISOString().slice(0, 10)).toBe("2026-11-01");
  expect(lines[0]!.periodEnd?.toISOString().slice(0, 10)).toBe("2026-12-01");
});
