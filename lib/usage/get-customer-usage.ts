// A customer's usage for the portal: each live service's last 30 days (ISP calendar) and its
// month to date against the plan's data cap (null: uncapped), the month's allowance with
// rollover and top-ups, whether the cap is in force, and the top-up the plan offers.
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { addDays, dateInZone, makeDate, parts, toDbDate } from "@/lib/time/dates";
import { getServiceUsage, type DailyUsage } from "./get-service-usage";

export type ServiceUsage = {
  subscriptionId: string;
  planName: string;
  username: string | null;
  /** IPoE lines have no password to change. */
  accessType: "PPPOE" | "IPOE";
  capBytes: number | null;
  /** Cap + rollover + top-ups this month (null: uncapped). */
  allowanceBytes: number | null;
  /** What counts against the cap this month (outside the plan's uncounted hours). */
  countedBytes: number;
  capAction: "NOTIFY" | "THROTTLE" | "BLOCK" | "BILL_OVERAGE";
  /** The cap is used up and the plan slows or pauses the service until a top-up or next month. */
  capped: boolean;
  uncountedHours: { from: number; to: number } | null;
  topUp: { gb: number; price: number } | null;
  monthToDate: { downloadBytes: number; uploadBytes: number };
  days: DailyUsage[];
};

export async function getCustomerUsage(opts: {
  actor: Actor;
  customerId: string;
}): Promise<ServiceUsage[]> {
  assertCustomerAccess(opts.actor, opts.customerId, "network:read");
  const today = dateInZone(now(), (await getSettings()).timeZone);
  const { year, month } = parts(today);
  const monthStart = makeDate(year, month, 1);
  const from = monthStart < addDays(today, -29) ? monthStart : addDays(today, -29);
  const subs = await db.subscription.findMany({
    where: {
      customerId: opts.customerId,
      parentId: null,
      status: { in: ["ACTIVE", "SUSPENDED"] },
      product: { kind: "PLAN" },
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      radiusUsername: true,
      accessType: true,
      product: {
        select: {
          name: true,
          dataCapGb: true,
          capAction: true,
          uncountedFromHour: true,
          uncountedToHour: true,
          topUpGb: true,
          topUpPrice: true,
        },
      },
      usagePeriods: { where: { periodStart: toDbDate(monthStart) } },
    },
  });
  const uncounted = await db.usageDaily.groupBy({
    by: ["subscriptionId"],
    where: { subscriptionId: { in: subs.map((s) => s.id) }, date: { gte: toDbDate(monthStart) } },
    _sum: { uncountedDownloadBytes: true, uncountedUploadBytes: true },
  });
  const free = new Map(
    uncounted.map((u) => [
      u.subscriptionId,
      Number(u._sum.uncountedDownloadBytes ?? 0n) + Number(u._sum.uncountedUploadBytes ?? 0n),
    ]),
  );
  return Promise.all(
    subs.map(async (s) => {
      const all = await getServiceUsage({
        actor: opts.actor,
        subscriptionId: s.id,
        from,
        to: today,
      });
      const month = all.filter((d) => d.date >= monthStart);
      const p = s.product;
      const period = s.usagePeriods[0];
      const capBytes = p.dataCapGb === null ? null : p.dataCapGb * 1e9;
      const total = month.reduce((n, d) => n + d.downloadBytes + d.uploadBytes, 0);
      return {
        subscriptionId: s.id,
        planName: p.name,
        username: s.radiusUsername,
        accessType: s.accessType,
        capBytes,
        allowanceBytes:
          capBytes === null
            ? null
            : period
              ? Number(period.capBytes + period.rolloverBytes + period.topUpBytes)
              : capBytes,
        countedBytes: total - (free.get(s.id) ?? 0),
        capAction: p.capAction,
        capped:
          Boolean(period?.cappedAt) && (p.capAction === "THROTTLE" || p.capAction === "BLOCK"),
        uncountedHours:
          p.uncountedFromHour !== null && p.uncountedToHour !== null
            ? { from: p.uncountedFromHour, to: p.uncountedToHour }
            : null,
        topUp:
          capBytes !== null && p.topUpGb && p.topUpPrice !== null
            ? { gb: p.topUpGb, price: p.topUpPrice }
            : null,
        monthToDate: {
          downloadBytes: month.reduce((n, d) => n + d.downloadBytes, 0),
          uploadBytes: month.reduce((n, d) => n + d.uploadBytes, 0),
        },
        days: all.slice(-30),
      };
    }),
  );
}
