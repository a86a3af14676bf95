// A customer's usage for the portal: each live service's last 30 days (ISP calendar) and its
// month to date against the plan's data cap (null: uncapped).
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { addDays, dateInZone, makeDate, parts } from "@/lib/time/dates";
import { getServiceUsage, type DailyUsage } from "./get-service-usage";

export type ServiceUsage = {
  subscriptionId: string;
  planName: string;
  username: string | null;
  capBytes: number | null;
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
      product: { select: { name: true, dataCapGb: true } },
    },
  });
  return Promise.all(
    subs.map(async (s) => {
      const all = await getServiceUsage({
        actor: opts.actor,
        subscriptionId: s.id,
        from,
        to: today,
      });
      const month = all.filter((d) => d.date >= monthStart);
      return {
        subscriptionId: s.id,
        planName: s.product.name,
        username: s.radiusUsername,
        capBytes: s.product.dataCapGb === null ? null : s.product.dataCapGb * 1e9,
        monthToDate: {
          downloadBytes: month.reduce((n, d) => n + d.downloadBytes, 0),
          uploadBytes: month.reduce((n, d) => n + d.uploadBytes, 0),
        },
        days: all.slice(-30),
      };
    }),
  );
}
