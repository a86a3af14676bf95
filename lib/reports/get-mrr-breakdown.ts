// Closing MRR and subscribers on one snapshot day by plan, technology and coverage area.
import "server-only";
import { db } from "@/lib/db";
import type { IsoDate } from "@/lib/time/dates";

type Group = { key: string | null; label: string | null; mrr: bigint; subscribers: number };

export async function getMrrBreakdown(day: IsoDate) {
  const [byPlan, byTechnology, byArea] = await Promise.all([
    db.$queryRaw<Group[]>`
      SELECT s."productId" AS key, p.name AS label, SUM(s.mrr) AS mrr, COUNT(DISTINCT s."customerId")::int AS subscribers
      FROM "MrrSnapshot" s LEFT JOIN "Product" p ON p.id = s."productId"
      WHERE s.day = ${day}::date GROUP BY 1, 2 ORDER BY 3 DESC`,
    db.$queryRaw<Group[]>`
      SELECT s.technology::text AS key, s.technology::text AS label, SUM(s.mrr) AS mrr, COUNT(DISTINCT s."customerId")::int AS subscribers
      FROM "MrrSnapshot" s WHERE s.day = ${day}::date GROUP BY 1, 2 ORDER BY 3 DESC`,
    db.$queryRaw<Group[]>`
      SELECT s."coverageAreaId" AS key, a.name AS label, SUM(s.mrr) AS mrr, COUNT(DISTINCT s."customerId")::int AS subscribers
      FROM "MrrSnapshot" s LEFT JOIN "CoverageArea" a ON a.id = s."coverageAreaId"
      WHERE s.day = ${day}::date GROUP BY 1, 2 ORDER BY 3 DESC`,
  ]);
  const shape = (rows: Group[], none: string) =>
    rows.map((r) => ({
      key: r.key,
      label: r.label ?? none,
      mrr: Number(r.mrr),
      subscribers: r.subscribers,
    }));
  return {
    day,
    byPlan: shape(byPlan, "Retired plan"),
    byTechnology: shape(byTechnology, "No technology"),
    byArea: shape(byArea, "Outside coverage areas"),
  };
}
