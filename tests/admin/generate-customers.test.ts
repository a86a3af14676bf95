import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "@/lib/demo/seed-demo";
import { anniversaryDates, generateCustomers } from "@/lib/demo/generate-customers";
import { removeDemoData } from "@/lib/settings/remove-demo-data";
import { setClock } from "@/lib/time/clock";

describe("anniversary dates of generated subscriptions", () => {
  test.each([
    // today, months ago, anchor, interval → start, next bill
    ["2026-03-15", 1, 31, "MONTH", "2026-02-28", "2026-03-31"],
    ["2026-03-31", 1, 31, "MONTH", "2026-02-28", "2026-04-30"],
    ["2028-03-10", 1, 30, "MONTH", "2028-02-29", "2028-03-30"],
    ["2026-05-01", 4, 29, "QUARTER", "2026-01-29", "2026-07-29"],
    ["2026-01-10", 14, 31, "YEAR", "2024-11-30", "2026-11-30"],
  ] as const)("%s, %i months ago, day %i, %s", (today, ago, anchor, interval, start, next) => {
    expect(anniversaryDates(today, ago, anchor, interval, 0)).toMatchObject({ start, next });
  });

  test("the next bill date is always after today and the contract end follows the anchor", () => {
    expect(anniversaryDates("2026-03-15", 2, 31, "MONTH", 12)).toEqual({
      start: "2026-01-31",
      next: "2026-03-31",
      contractEnd: "2027-01-31",
    });
  });
});

describe("bulk generator", () => {
  beforeAll(async () => {
    setClock(new Date("2026-03-15T10:00:00Z"));
    await seedDemo({
      adminEmail: "admin@demo.test",
      adminPassword: "admin-password-1",
      staffPassword: "staff-password-1",
      customers: 5,
      today: new Date("2026-03-15"),
    });
  });

  test("adds customers with addresses, password-less portal logins and active subscriptions in a few multi-row inserts", async () => {
    const before = await db.customer.count();
    const started = Date.now();
    const result = await generateCustomers({ count: 2500, batchSize: 1000, seed: 42 });
    expect(result.created).toBe(2500);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await db.customer.count()).toBe(before + 2500);

    const generated = await db.customer.findMany({
      where: { subscriptions: { some: { radiusUsername: { endsWith: "@bulk" } } } },
      select: {
        accountNumber: true,
        isDemo: true,
        billingAddressId: true,
        user: { select: { role: true, passwordHash: true } },
        subscriptions: {
          select: {
            interval: true,
            anchorDay: true,
            price: true,
            nextBillDate: true,
            startDate: true,
            status: true,
            serviceAddressId: true,
            product: { select: { price: true, interval: true } },
          },
        },
      },
    });
    expect(generated).toHaveLength(2500);
    // Account numbers continue the series after the demo's five.
    expect(generated.map((c) => c.accountNumber).sort()[0]).toBe("C000006");
    const subs = generated.flatMap((c) => c.subscriptions);
    expect(
      generated.every(
        (c) => c.isDemo && c.user?.role === "CUSTOMER" && c.user.passwordHash === null,
      ),
    ).toBe(true);
    expect(
      subs.every(
        (s) =>
          s.status === "ACTIVE" &&
          s.nextBillDate! > new Date("2026-03-15") &&
          s.startDate! <= new Date("2026-03-15"),
      ),
    ).toBe(true);
    expect(generated.every((c) => c.subscriptions[0].serviceAddressId === c.billingAddressId)).toBe(
      true,
    );
    // A mix of cycles, anchors on every day of the month including 29–31, prices scaled per interval.
    const intervals = new Set(subs.map((s) => s.interval));
    expect(intervals).toEqual(new Set(["MONTH", "QUARTER", "YEAR"]));
    expect(new Set(subs.map((s) => s.anchorDay)).size).toBe(31);
    for (const s of subs) {
      const months = { MONTH: 1, QUARTER: 3, YEAR: 12 }[s.interval];
      expect(s.price).toBe(
        Math.round(
          (s.product.price / { MONTH: 1, QUARTER: 3, YEAR: 12 }[s.product.interval]) * months,
        ),
      );
    }
    // A 31st anchor bills on the month's last day.
    const on31 = subs.find((s) => s.anchorDay === 31 && s.interval === "MONTH")!;
    expect(on31.nextBillDate!.toISOString().slice(0, 10)).toBe("2026-03-31");
  });

  test("generated customers are demo data: removing demo data removes them", async () => {
    expect((await db.ispSettings.findUniqueOrThrow({ where: { id: 1 } })).hasDemoData).toBe(true);
    await removeDemoData({ actor: { kind: "system", name: "test" } });
    expect(await db.customer.count()).toBe(0);
    expect(await db.subscription.count()).toBe(0);
    expect(await db.user.count({ where: { role: "CUSTOMER" } })).toBe(0);
    setClock(undefined);
  });
});
