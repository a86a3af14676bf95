// MRR movements between two snapshot days, per customer: a customer with no MRR on the opening day
// and some on the closing day is new, or a reactivation when they had MRR on any earlier day; one
// with MRR on both days expanded or contracted; one with MRR only on the opening day churned.
// closing − opening = new + reactivation + expansion − contraction − churn, by construction.
import { Prisma } from "@/lib/generated/prisma/client";

export type MovementRow = {
  opening: bigint;
  closing: bigint;
  new: bigint;
  reactivation: bigint;
  expansion: bigint;
  contraction: bigint;
  churn: bigint;
  openingSubscribers: number;
  closingSubscribers: number;
  newSubscribers: number;
  reactivatedSubscribers: number;
  churnedSubscribers: number;
};

/** `open`/`close` are snapshot days (null: none yet, MRR 0). */
export function movementsSql(open: string | null, close: string | null) {
  const onDay = (day: string | null) =>
    day
      ? Prisma.sql`SELECT "customerId", SUM(mrr) AS m FROM "MrrSnapshot" WHERE day = ${day}::date GROUP BY 1`
      : Prisma.sql`SELECT NULL::text AS "customerId", 0::bigint AS m WHERE false`;
  const earlier = open
    ? Prisma.sql`EXISTS (SELECT 1 FROM "MrrSnapshot" s WHERE s."customerId" = b."customerId" AND s.day < ${open}::date AND s.mrr > 0)`
    : Prisma.sql`false`;
  return Prisma.sql`
    WITH a AS (${onDay(open)}), b AS (${onDay(close)}),
    j AS (
      SELECT COALESCE(a.m, 0) AS am, COALESCE(b.m, 0) AS bm,
        (COALESCE(a.m, 0) = 0 AND COALESCE(b.m, 0) > 0 AND ${earlier}) AS back
      FROM a FULL JOIN b ON a."customerId" = b."customerId")
    SELECT COALESCE(SUM(am), 0) AS opening, COALESCE(SUM(bm), 0) AS closing,
      COALESCE(SUM(bm) FILTER (WHERE am = 0 AND bm > 0 AND NOT back), 0) AS new,
      COALESCE(SUM(bm) FILTER (WHERE am = 0 AND bm > 0 AND back), 0) AS reactivation,
      COALESCE(SUM(bm - am) FILTER (WHERE am > 0 AND bm > am), 0) AS expansion,
      COALESCE(SUM(am - bm) FILTER (WHERE am > 0 AND bm > 0 AND bm < am), 0) AS contraction,
      COALESCE(SUM(am) FILTER (WHERE am > 0 AND bm = 0), 0) AS churn,
      (COUNT(*) FILTER (WHERE am > 0))::int AS "openingSubscribers",
      (COUNT(*) FILTER (WHERE bm > 0))::int AS "closingSubscribers",
      (COUNT(*) FILTER (WHERE am = 0 AND bm > 0 AND NOT back))::int AS "newSubscribers",
      (COUNT(*) FILTER (WHERE am = 0 AND bm > 0 AND back))::int AS "reactivatedSubscribers",
      (COUNT(*) FILTER (WHERE am > 0 AND bm = 0))::int AS "churnedSubscribers"
    FROM j`;
}
