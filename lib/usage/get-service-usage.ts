// A service's usage per day (the ISP's calendar), every day of the range present (0 when
// idle), bytes as integers; download is what the customer received.
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import {
  addDays,
  assertIsoDate,
  dateInZone,
  daysBetween,
  fromDbDate,
  toDbDate,
  type IsoDate,
} from "@/lib/time/dates";

export const MAX_USAGE_DAYS = 366;

export type GetServiceUsageOptions = {
  actor: Actor;
  subscriptionId: string;
  /** Inclusive; default 29 days before `to`. */
  from?: IsoDate;
  /** Inclusive; default today. */
  to?: IsoDate;
};

export type DailyUsage = { date: IsoDate; downloadBytes: number; uploadBytes: number };

export async function getServiceUsage(opts: GetServiceUsageOptions): Promise<DailyUsage[]> {
  const sub = await db.subscription.findUnique({
    where: { id: opts.subscriptionId },
    select: { customerId: true },
  });
  if (!sub) throw notFound("Subscription");
  assertCustomerAccess(opts.actor, sub.customerId, "network:read");
  const today = dateInZone(now(), (await getSettings()).timeZone);
  const to = opts.to ? assertIsoDate(opts.to) : today;
  const from = opts.from ? assertIsoDate(opts.from) : addDays(to, -29);
  if (from > to)
    throw new AppError("VALIDATION", "`from` must not be after `to`.", { from: "after to" });
  if (daysBetween(from, to) >= MAX_USAGE_DAYS)
    throw new AppError("VALIDATION", `At most ${MAX_USAGE_DAYS} days at a time.`, {
      to: "range too long",
    });
  const rows = await db.usageDaily.findMany({
    where: {
      subscriptionId: opts.subscriptionId,
      date: { gte: toDbDate(from), lte: toDbDate(to) },
    },
    orderBy: { date: "asc" },
  });
  const byDate = new Map(rows.map((r) => [fromDbDate(r.date), r]));
  const days: DailyUsage[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const r = byDate.get(d);
    days.push({
      date: d,
      downloadBytes: r ? Number(r.downloadBytes) : 0,
      uploadBytes: r ? Number(r.uploadBytes) : 0,
    });
  }
  return days;
}
