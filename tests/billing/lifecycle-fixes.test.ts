// The lifecycle cases that gave wrong money (issue 9 §3), as tables on a fixed clock: period-end
// cancellation and downgrades before the first invoice, cancellation notice, and back-dating.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { changePlan } from "@/lib/subscriptions/change-plan";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { setClock } from "@/lib/time/clock";
import { createUserActor } from "../support/fixtures";
import { createCustomer, createProduct, createSubscription, setupIsp, travelTo } from "./fixtures";

let vatId = "";
let admin: Actor;
let accounts: Actor;
beforeAll(async () => {
  vatId = (await setupIsp()).vat.id;
  admin = await createUserActor("ADMIN");
  accounts = await createUserActor("ACCOUNTS");
});
afterEach(() => setClock(undefined));

type Row = [kind: string, periodStart: string | null, total: number, issued: string];
/** Every invoice line of a customer, with its invoice's issue date, in billing order. */
const billed = async (customerId: string): Promise<Row[]> =>
  (
    await db.invoiceLine.findMany({
      where: { invoice: { customerId } },
      include: { invoice: { select: { issueDate: true } } },
      orderBy: [
        { invoice: { issueDate: "asc" } },
        { invoice: { createdAt: "asc" } },
        { sortOrder: "asc" },
      ],
    })
  ).map((l) => [
    l.kind,
    l.periodStart?.toISOString().slice(0, 10) ?? null,
    l.totalAmount,
    l.invoice.issueDate.toISOString().slice(0, 10),
  ]);
const runOn = async (...dates: string[]) => {
  for (const d of dates) {
    travelTo(d);
    await runBilling({ asOf: d, actor: SYSTEM });
  }
};
const statusOf = async (id: string) =>
  (await db.subscription.findUniqueOrThrow({ where: { id } })).status;

describe("cancel at period end before the first invoice: the first period is billed and ends the service", () => {
  test.each([
    // cycle, start, cancelled on, notice days → service ends, what the runs bill
    {
      name: "anniversary, cancelled before the start",
      cycleMode: "ANNIVERSARY" as const,
      start: "2026-04-10",
      today: "2026-04-05",
      notice: 0,
      cancelAt: "2026-05-10",
      lines: [["RECURRING", "2026-04-10", 30000, "2026-04-10"]],
    },
    {
      name: "anniversary, cancelled on the start day before the run",
      cycleMode: "ANNIVERSARY" as const,
      start: "2026-04-10",
      today: "2026-04-10",
      notice: 0,
      cancelAt: "2026-05-10",
      lines: [["RECURRING", "2026-04-10", 30000, "2026-04-10"]],
    },
    {
      name: "calendar: the stub period to the 1st",
      cycleMode: "CALENDAR" as const,
      start: "2026-04-10",
      today: "2026-04-05",
      notice: 0,
      cancelAt: "2026-05-01",
      lines: [["RECURRING", "2026-04-10", 21000, "2026-04-10"]], // 21/30 of 300.00
    },
    {
      name: "30 days' notice reaches past the first period end",
      cycleMode: "ANNIVERSARY" as const,
      start: "2026-04-10",
      today: "2026-04-12",
      notice: 30,
      cancelAt: "2026-06-10",
      lines: [
        ["RECURRING", "2026-04-10", 30000, "2026-04-10"],
        ["RECURRING", "2026-05-10", 30000, "2026-05-10"],
      ],
    },
  ])("$name", async ({ cycleMode, start, today, notice, cancelAt, lines }) => {
    const p = await createProduct({ taxClassId: vatId, price: 30000, noticeDays: notice });
    const c = await createCustomer();
    const sub = await createSubscription({
      customerId: c.id,
      product: p,
      startDate: start,
      cycleMode,
    });
    travelTo(today);
    const res = await cancelSubscription({ subscriptionId: sub.id, actor: SYSTEM });
    expect(res).toEqual({ cancelAt, requestedOn: today, invoiceIds: [] });
    await runOn(start, "2026-05-01", "2026-05-10", "2026-06-01", "2026-06-10", "2026-07-10");
    expect(await billed(c.id)).toEqual(lines);
    expect(await statusOf(sub.id)).toBe("CANCELLED");
    const row = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(row.cancelRequestedOn?.toISOString().slice(0, 10)).toBe(today);
  });
});

describe("cancellation notice: the first period end after notice was given and on or after its end", () => {
  test.each([
    // notice days, requested on → service ends (monthly from the 15th, billed through 15 May)
    [0, "2026-04-20", "2026-05-15"],
    [0, "2026-04-15", "2026-05-15"], // notice given on the first day keeps that period
    [14, "2026-04-20", "2026-05-15"],
    [30, "2026-04-20", "2026-06-15"],
    [30, "2026-04-15", "2026-05-15"], // exactly 30 days
    [60, "2026-04-20", "2026-07-15"],
  ])("%i days' notice given %s: ends %s", async (notice, requestedOn, cancelAt) => {
    const p = await createProduct({ taxClassId: vatId, noticeDays: notice });
    const c = await createCustomer();
    const sub = await createSubscription({ customerId: c.id, product: p, startDate: "2026-03-15" });
    await runOn("2026-03-15", "2026-04-15");
    travelTo("2026-04-20");
    const res = await cancelSubscription({ subscriptionId: sub.id, requestedOn, actor: SYSTEM });
    expect(res).toEqual({ cancelAt, requestedOn, invoiceIds: [] });
  });
});

describe("a downgrade takes effect at period end in every state (RULES.md rule 9)", () => {
  test.each([
    // state at the change → the first period billed on the new plan
    {
      name: "before the first invoice (starts in the future)",
      start: "2026-04-10",
      runs: [] as string[],
      today: "2026-04-05",
      effective: "2026-05-10",
      lines: [
        ["RECURRING", "2026-04-10", 30000, "2026-04-10"],
        ["RECURRING", "2026-05-10", 20000, "2026-05-10"],
      ],
    },
    {
      name: "before the first invoice (the run has not billed it yet)",
      start: "2026-04-01",
      runs: [],
      today: "2026-04-15",
      effective: "2026-05-01",
      lines: [
        ["RECURRING", "2026-04-01", 30000, "2026-04-15"],
        ["RECURRING", "2026-05-01", 20000, "2026-05-01"],
      ],
    },
    {
      name: "after the first invoice",
      start: "2026-04-01",
      runs: ["2026-04-01"],
      today: "2026-04-15",
      effective: "2026-05-01",
      lines: [
        ["RECURRING", "2026-04-01", 30000, "2026-04-01"],
        ["RECURRING", "2026-05-01", 20000, "2026-05-01"],
      ],
    },
  ])("$name", async ({ start, runs, today, effective, lines }) => {
    const basic = await createProduct({ taxClassId: vatId, price: 30000 });
    const lite = await createProduct({ taxClassId: vatId, price: 20000 });
    const c = await createCustomer();
    const sub = await createSubscription({ customerId: c.id, product: basic, startDate: start });
    await runOn(...runs);
    travelTo(today);
    const res = await changePlan({ subscriptionId: sub.id, toProductId: lite.id, actor: SYSTEM });
    expect(res).toMatchObject({ kind: "downgrade", effectiveDate: effective, invoiceIds: [] });
    await runOn(
      ...[...new Set([today, start, "2026-05-01", "2026-05-10"])].filter((d) => d >= today).sort(),
    );
    expect(await billed(c.id)).toEqual(lines);
  });

  test("an upgrade before the first invoice bills the first period, then prorates from its date", async () => {
    const basic = await createProduct({ taxClassId: vatId, price: 30000 });
    const fast = await createProduct({ taxClassId: vatId, price: 60000 });
    const c = await createCustomer();
    const sub = await createSubscription({
      customerId: c.id,
      product: basic,
      startDate: "2026-04-01",
    });
    travelTo("2026-04-11");
    const up = await changePlan({ subscriptionId: sub.id, toProductId: fast.id, actor: SYSTEM });
    expect(up).toMatchObject({ kind: "upgrade", effectiveDate: "2026-04-11" });
    expect(await billed(c.id)).toEqual([
      ["RECURRING", "2026-04-01", 30000, "2026-04-11"],
      ["PRORATION_CREDIT", "2026-04-11", -20000, "2026-04-11"],
      ["PRORATION_CHARGE", "2026-04-11", 40000, "2026-04-11"],
    ]);
  });
});

describe("back-dating: effective on its date, computed for it, invoiced today; later periods by the runs", () => {
  const setup = async () => {
    const basic = await createProduct({ taxClassId: vatId, price: 30000 });
    const fast = await createProduct({ taxClassId: vatId, price: 60000 });
    const c = await createCustomer();
    const sub = await createSubscription({
      customerId: c.id,
      product: basic,
      startDate: "2026-03-01",
    });
    return { basic, fast, c, sub };
  };

  test("an upgrade dated earlier in the current period: lines for that date on today's invoice", async () => {
    const { fast, c, sub } = await setup();
    await runOn("2026-03-01", "2026-04-01");
    travelTo("2026-04-20");
    const up = await changePlan({
      subscriptionId: sub.id,
      toProductId: fast.id,
      effectiveDate: "2026-04-11",
      actor: accounts,
    });
    expect(up).toMatchObject({ kind: "upgrade", effectiveDate: "2026-04-11" });
    const inv = await db.invoice.findUniqueOrThrow({ where: { id: up.invoiceIds[0] } });
    expect([inv.issueDate, inv.dueDate].map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2026-04-20",
      "2026-04-27",
    ]);
    expect((await billed(c.id)).slice(2)).toEqual([
      ["PRORATION_CREDIT", "2026-04-11", -20000, "2026-04-20"],
      ["PRORATION_CHARGE", "2026-04-11", 40000, "2026-04-20"],
    ]);
  });

  test("beyond the current period: refused, 403 for non-admins, per-period lines for an ADMIN", async () => {
    const { fast, c, sub } = await setup();
    await runOn("2026-03-01", "2026-04-01", "2026-05-01");
    travelTo("2026-05-15");
    const ask = (actor: Actor, allowBackdate?: boolean) =>
      changePlan({
        subscriptionId: sub.id,
        toProductId: fast.id,
        effectiveDate: "2026-03-10",
        allowBackdate,
        actor,
      });
    await expect(ask(admin)).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { effectiveDate: "before the current billing period" },
    });
    await expect(ask(accounts, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.planChange.count({ where: { subscriptionId: sub.id } })).toBe(0);

    const up = await ask(admin, true);
    expect(up.effectiveDate).toBe("2026-03-10");
    expect((await billed(c.id)).slice(3)).toEqual([
      ["PRORATION_CREDIT", "2026-03-10", -21290, "2026-05-15"], // 22/31 of 300.00
      ["PRORATION_CHARGE", "2026-03-10", 42581, "2026-05-15"], // 22/31 of 600.00
      ["PRORATION_CREDIT", "2026-04-01", -30000, "2026-05-15"],
      ["PRORATION_CHARGE", "2026-04-01", 60000, "2026-05-15"],
      ["PRORATION_CREDIT", "2026-05-01", -30000, "2026-05-15"],
      ["PRORATION_CHARGE", "2026-05-01", 60000, "2026-05-15"],
    ]);
    await runOn("2026-06-01");
    expect((await billed(c.id)).slice(9)).toEqual([
      ["RECURRING", "2026-06-01", 60000, "2026-06-01"],
    ]);
  });

  test("the change bills no regular period after its date: a late run bills those on the new plan", async () => {
    const { fast, c, sub } = await setup();
    await runOn("2026-03-01"); // the runs then stopped: April and May are not billed yet
    travelTo("2026-05-15");
    const up = await changePlan({
      subscriptionId: sub.id,
      toProductId: fast.id,
      effectiveDate: "2026-03-10",
      allowBackdate: true,
      actor: admin,
    });
    expect(await billed(c.id)).toEqual([
      ["RECURRING", "2026-03-01", 30000, "2026-03-01"],
      ["PRORATION_CREDIT", "2026-03-10", -21290, "2026-05-15"],
      ["PRORATION_CHARGE", "2026-03-10", 42581, "2026-05-15"],
    ]);
    expect(up.invoiceIds).toHaveLength(1);
    await runOn("2026-05-15");
    expect((await billed(c.id)).slice(3)).toEqual([
      ["RECURRING", "2026-04-01", 60000, "2026-05-15"],
      ["RECURRING", "2026-05-01", 60000, "2026-05-15"],
    ]);
  });

  test.each([
    // mode, date or requestedOn, allowBackdate by an admin → ends, credits (on today's invoice)
    {
      name: "period end, notice given last period: ends at this period's start, May credited",
      body: { mode: "END_OF_PERIOD" as const, requestedOn: "2026-04-20" },
      cancelAt: "2026-05-01",
      lines: [["CANCELLATION_CREDIT", "2026-05-01", -30000, "2026-05-03"]],
    },
    {
      name: "on a date in this period",
      body: { mode: "ON_DATE" as const, date: "2026-05-02" },
      cancelAt: "2026-05-02",
      lines: [["CANCELLATION_CREDIT", "2026-05-02", -29032, "2026-05-03"]], // 30/31
    },
    {
      name: "on a date last period (admin, allowBackdate): each billed period credited",
      body: { mode: "ON_DATE" as const, date: "2026-04-25", allowBackdate: true },
      cancelAt: "2026-04-25",
      lines: [
        ["CANCELLATION_CREDIT", "2026-04-25", -6000, "2026-05-03"],
        ["CANCELLATION_CREDIT", "2026-05-01", -30000, "2026-05-03"],
      ],
    },
  ])("cancellation $name", async ({ body, cancelAt, lines }) => {
    const { c, sub } = await setup();
    await runOn("2026-03-01", "2026-04-01", "2026-05-01");
    travelTo("2026-05-03");
    const res = await cancelSubscription({ subscriptionId: sub.id, ...body, actor: admin });
    expect(res.cancelAt).toBe(cancelAt);
    expect((await billed(c.id)).slice(3)).toEqual(lines);
    expect(await statusOf(sub.id)).toBe("CANCELLED");
    await runOn("2026-06-01");
    expect(await billed(c.id)).toHaveLength(3 + lines.length);
  });

  test("a cancellation dated before the current period needs an admin's allowBackdate", async () => {
    const { sub } = await setup();
    await runOn("2026-03-01", "2026-04-01", "2026-05-01");
    travelTo("2026-05-03");
    for (const [actor, allowBackdate, code] of [
      [admin, false, "VALIDATION"],
      [accounts, true, "FORBIDDEN"],
    ] as const) {
      await expect(
        cancelSubscription({
          subscriptionId: sub.id,
          mode: "ON_DATE",
          date: "2026-04-25",
          allowBackdate,
          actor,
        }),
      ).rejects.toMatchObject({ code });
    }
    const row = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect([row.status, row.cancelAt]).toEqual(["ACTIVE", null]);
  });
});
