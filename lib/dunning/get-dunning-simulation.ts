// The admin simulator page: the forecast (forecast-dunning.ts) as counts per day and step, and
// one day's rows with who they are, so staff can see "who, when and why" at a glance.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import type { IsoDate } from "@/lib/time/dates";
import { forecastDunning, type ForecastRow } from "./forecast-dunning";
import { LADDER_STEPS } from "./steps";

export type GetDunningSimulationOptions = { actor: Actor; days: number; day?: IsoDate };

export async function getDunningSimulation({ actor, days, day }: GetDunningSimulationOptions) {
  const rows = await forecastDunning({ actor, days });
  const byDay = new Map<IsoDate, Record<string, number>>();
  for (const r of rows) {
    const counts = byDay.get(r.date) ?? Object.fromEntries(LADDER_STEPS.map((s) => [s, 0]));
    counts[r.step] = (counts[r.step] ?? 0) + 1;
    byDay.set(r.date, counts);
  }
  const chosen: ForecastRow[] = day ? rows.filter((r) => r.date === day) : [];
  const customers = await db.customer.findMany({
    where: { id: { in: [...new Set(chosen.map((r) => r.customerId))] } },
    select: {
      id: true,
      accountNumber: true,
      firstName: true,
      lastName: true,
      companyName: true,
      currency: true,
    },
  });
  const who = new Map(customers.map((c) => [c.id, c]));
  return {
    days: [...byDay.entries()].map(([date, counts]) => ({ date, counts })),
    total: rows.length,
    detail: chosen.map((r) => ({ ...r, customer: who.get(r.customerId)! })),
  };
}
