// Data caps after each fold (usage.fold): brings this month's UsagePeriod of every capped
// service up to date in one statement, then acts on the few that crossed a line:
//   80 %  → a notice (once per service and month);
//   100 % → a notice, and per plan: THROTTLE (fair-use speed) or BLOCK (walled garden) until a
//           top-up or the next month; NOTIFY and BILL_OVERAGE leave the service as it is;
//   a top-up that lifts the allowance above use → the cap is lifted at once.
// BILL_OVERAGE periods that have ended are billed once: a USAGE one-off charge for the GB beyond
// the allowance, which the next billing run puts on the invoice (lib/usage/RULES.md).
// Every action is guarded by the period row (notified80At, notified100At, cappedAt,
// overageChargeId), updated in the transaction that sends the notice, so a re-run does nothing
// twice; the network follows the `usage-cap` change event.
import "server-only";
import Decimal from "decimal.js";
import { db, type Tx } from "@/lib/db";
import { subscriptionChanged } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { fromDbDate, toDbDate } from "@/lib/time/dates";
import { formatBytes } from "./format-bytes";
import { BYTES_PER_GB, currentUsageMonth, previousUsageMonth } from "./usage-month";

export type CheckUsageCapsResult = {
  periods: number;
  notified80: number;
  notified100: number;
  capped: number;
  lifted: number;
  overageCharges: number;
};

type Crossing = {
  subscriptionId: string;
  customerId: string;
  email: string;
  firstName: string;
  plan: string;
  capAction: "NOTIFY" | "THROTTLE" | "BLOCK" | "BILL_OVERAGE";
  used: bigint;
  allowance: bigint;
  notified80At: Date | null;
  notified100At: Date | null;
  cappedAt: Date | null;
};

/** Counted bytes of a day: download + upload outside the plan's uncounted hours. */
const COUNTED = `u."downloadBytes" + u."uploadBytes" - u."uncountedDownloadBytes" - u."uncountedUploadBytes"`;

export async function checkUsageCaps(): Promise<CheckUsageCapsResult> {
  const settings = await getSettings();
  const at = now();
  const month = currentUsageMonth(at, settings.timeZone);
  const prev = previousUsageMonth(month);
  const result: CheckUsageCapsResult = {
    periods: 0,
    notified80: 0,
    notified100: 0,
    capped: 0,
    lifted: 0,
    overageCharges: 0,
  };

  // This month's period of every active capped service: allowance from the plan (a plan change
  // takes the new cap), rollover fixed when the row is first made, use recomputed each time.
  result.periods = Number(
    await db.$executeRawUnsafe(
      `WITH subs AS (
         SELECT s.id, p."dataCapGb"::bigint * ${BYTES_PER_GB} AS cap, p."capRollover" AS rollover
           FROM "Subscription" s JOIN "Product" p ON p.id = s."productId"
          WHERE s.status = 'ACTIVE' AND s."parentId" IS NULL AND p."dataCapGb" IS NOT NULL
       ), used AS (
         SELECT u."subscriptionId" AS id, SUM(${COUNTED})::bigint AS used
           FROM "UsageDaily" u WHERE u."subscriptionId" IN (SELECT id FROM subs)
            AND u.date >= $1::date AND u.date < $2::date GROUP BY 1
       )
       INSERT INTO "UsagePeriod" ("subscriptionId", "periodStart", "periodEnd", "capBytes",
                                  "rolloverBytes", "usedBytes", "updatedAt")
       SELECT subs.id, $1::date, $2::date, subs.cap,
              CASE WHEN subs.rollover THEN COALESCE(GREATEST(p."capBytes" - p."usedBytes", 0), 0) ELSE 0 END,
              COALESCE(used.used, 0), $4
         FROM subs LEFT JOIN used ON used.id = subs.id
         LEFT JOIN "UsagePeriod" p ON p."subscriptionId" = subs.id AND p."periodStart" = $3::date
       ON CONFLICT ("subscriptionId", "periodStart") DO UPDATE
          SET "capBytes" = EXCLUDED."capBytes", "usedBytes" = EXCLUDED."usedBytes",
              "updatedAt" = EXCLUDED."updatedAt"
        WHERE "UsagePeriod"."capBytes" <> EXCLUDED."capBytes"
           OR "UsagePeriod"."usedBytes" <> EXCLUDED."usedBytes"`,
      month.start,
      month.end,
      prev.start,
      at,
    ),
  );

  const crossings = await db.$queryRawUnsafe<Crossing[]>(
    `SELECT * FROM (
       SELECT up."subscriptionId", s."customerId", c.email, c."firstName", pr.name AS plan,
              pr."capAction"::text AS "capAction", up."usedBytes" AS used,
              up."capBytes" + up."rolloverBytes" + up."topUpBytes" AS allowance,
              up."notified80At", up."notified100At", up."cappedAt"
         FROM "UsagePeriod" up
         JOIN "Subscription" s ON s.id = up."subscriptionId"
         JOIN "Product" pr ON pr.id = s."productId"
         JOIN "Customer" c ON c.id = s."customerId"
        WHERE up."periodStart" = $1::date) x
      WHERE ("notified80At" IS NULL AND used * 10 >= allowance * 8)
         OR ("notified100At" IS NULL AND used >= allowance)
         OR ("cappedAt" IS NULL AND used >= allowance AND "capAction" IN ('THROTTLE', 'BLOCK'))
         OR ("cappedAt" IS NOT NULL AND used < allowance)`,
    month.start,
  );

  const changed: string[] = [];
  for (const c of crossings) {
    const acted = await db.$transaction((tx) =>
      actOnCrossing(tx, c, month.start, at, settings.locale),
    );
    result.notified80 += Number(acted.notified80);
    result.notified100 += Number(acted.notified100);
    result.capped += Number(acted.capped);
    result.lifted += Number(acted.lifted);
    if (acted.capped || acted.lifted) changed.push(c.subscriptionId);
  }
  for (const subscriptionId of changed)
    await publish(subscriptionChanged.create({ subscriptionId, change: "usage-cap" }));

  result.overageCharges = await billEndedOverage(month.today);
  return result;
}

async function actOnCrossing(
  tx: Tx,
  c: Crossing,
  periodStart: string,
  at: Date,
  locale: string,
): Promise<{ notified80: boolean; notified100: boolean; capped: boolean; lifted: boolean }> {
  // Re-read under a row lock: a concurrent check or a top-up may have acted already.
  const [row] = await tx.$queryRawUnsafe<
    {
      used: bigint;
      allowance: bigint;
      n80: Date | null;
      n100: Date | null;
      cappedAt: Date | null;
    }[]
  >(
    `SELECT "usedBytes" AS used, "capBytes" + "rolloverBytes" + "topUpBytes" AS allowance,
            "notified80At" AS n80, "notified100At" AS n100, "cappedAt"
       FROM "UsagePeriod" WHERE "subscriptionId" = $1 AND "periodStart" = $2::date FOR UPDATE`,
    c.subscriptionId,
    periodStart,
  );
  const out = { notified80: false, notified100: false, capped: false, lifted: false };
  if (!row) return out;
  const over = row.used >= row.allowance;
  const data: Record<string, Date | null> = {};
  const amount = (n: bigint) => formatBytes(Number(n), locale);
  const mail = (kind: string, subject: string, text: string) =>
    enqueueEmail(
      {
        to: c.email,
        subject,
        text: `Hello ${c.firstName},\n\n${text}\n\nYou can follow your usage and buy a top-up in the portal.`,
        customerId: c.customerId,
        dedupeKey: `usage-cap:${c.subscriptionId}:${periodStart}:${kind}`,
      },
      tx,
    );
  if (!row.n80 && row.used * 10n >= row.allowance * 8n) {
    data.notified80At = at;
    out.notified80 = true;
    if (!over)
      await mail(
        "80",
        `You have used 80 % of your data this month`,
        `Your ${c.plan} service has used ${amount(row.used)} of its ${amount(row.allowance)} this month.`,
      );
  }
  if (!row.n100 && over) {
    data.notified100At = at;
    out.notified100 = true;
    const what = {
      THROTTLE:
        "Your speed is reduced to the fair-use speed until the month ends or you buy a top-up.",
      BLOCK: "Your service is paused until the month ends or you buy a top-up.",
      BILL_OVERAGE: "Data beyond your allowance is billed per GB on your next invoice.",
      NOTIFY: "Your service carries on as usual.",
    }[c.capAction];
    await mail(
      "100",
      `You have used all of your data for this month`,
      `Your ${c.plan} service has used ${amount(row.used)}, its whole allowance of ${amount(row.allowance)}. ${what}`,
    );
  }
  if (!row.cappedAt && over && (c.capAction === "THROTTLE" || c.capAction === "BLOCK")) {
    data.cappedAt = at;
    out.capped = true;
  }
  if (row.cappedAt && !over) {
    data.cappedAt = null;
    out.lifted = true;
  }
  if (Object.keys(data).length)
    await tx.usagePeriod.update({
      where: {
        subscriptionId_periodStart: {
          subscriptionId: c.subscriptionId,
          periodStart: toDbDate(periodStart),
        },
      },
      data,
    });
  return out;
}

/**
 * Overage of ended months, billed once per period: from the day after the month (late Stop
 * records of its last day are folded by then), the period's use is recomputed and the GB beyond
 * the allowance become a USAGE one-off charge dated the month's end, at the plan's price per GB.
 * The quantity keeps four decimals (0.1 MB, rounded down in the customer's favour); the line
 * rounds amount × quantity once.
 */
async function billEndedOverage(today: string): Promise<number> {
  const due = await db.$queryRawUnsafe<{ subscriptionId: string; periodStart: Date }[]>(
    `SELECT up."subscriptionId", up."periodStart"
       FROM "UsagePeriod" up
       JOIN "Subscription" s ON s.id = up."subscriptionId"
       JOIN "Product" p ON p.id = s."productId"
      WHERE up."periodEnd" < $1::date AND up."overageChargeId" IS NULL
        AND p."capAction" = 'BILL_OVERAGE' AND p."overagePerGb" > 0
        AND up."usedBytes" > up."capBytes" + up."rolloverBytes" + up."topUpBytes"`,
    today,
  );
  let billed = 0;
  for (const d of due) {
    billed += Number(
      await db.$transaction(async (tx) => {
        const [p] = await tx.$queryRawUnsafe<
          {
            customerId: string;
            periodEnd: Date;
            used: bigint;
            allowance: bigint;
            billedId: string | null;
            overagePerGb: number;
            taxClassId: string;
            dataCapGb: number;
          }[]
        >(
          `SELECT s."customerId", up."periodEnd", up."overageChargeId" AS "billedId",
                  (SELECT COALESCE(SUM(${COUNTED}), 0)::bigint FROM "UsageDaily" u
                    WHERE u."subscriptionId" = up."subscriptionId"
                      AND u.date >= up."periodStart" AND u.date < up."periodEnd") AS used,
                  up."capBytes" + up."rolloverBytes" + up."topUpBytes" AS allowance,
                  pr."overagePerGb", pr."taxClassId", pr."dataCapGb"
             FROM "UsagePeriod" up JOIN "Subscription" s ON s.id = up."subscriptionId"
             JOIN "Product" pr ON pr.id = s."productId"
            WHERE up."subscriptionId" = $1 AND up."periodStart" = $2 FOR UPDATE OF up`,
          d.subscriptionId,
          d.periodStart,
        );
        if (!p || p.billedId || p.used <= p.allowance) return false;
        const gb = new Decimal((p.used - p.allowance).toString())
          .div(BYTES_PER_GB.toString())
          .toDecimalPlaces(4, Decimal.ROUND_DOWN);
        if (gb.isZero()) return false;
        const start = fromDbDate(d.periodStart);
        const charge = await tx.oneOffCharge.create({
          data: {
            customerId: p.customerId,
            subscriptionId: d.subscriptionId,
            description: `Data beyond the ${p.dataCapGb} GB allowance, ${start.slice(0, 7)} (${gb.toString()} GB)`,
            amount: p.overagePerGb,
            quantity: gb.toString(),
            taxClassId: p.taxClassId,
            chargeDate: p.periodEnd,
            lineKind: "USAGE",
            periodStart: d.periodStart,
            periodEnd: p.periodEnd,
          },
        });
        await tx.usagePeriod.update({
          where: {
            subscriptionId_periodStart: {
              subscriptionId: d.subscriptionId,
              periodStart: d.periodStart,
            },
          },
          data: { overageChargeId: charge.id, usedBytes: p.used },
        });
        return true;
      }),
    );
  }
  return billed;
}
