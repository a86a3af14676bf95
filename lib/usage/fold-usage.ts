// Folds FreeRADIUS accounting (radacct) into bytes per service per day. Octets in Interim-Update
// and Stop are the session's totals so far (FreeRADIUS already adds Gigawords << 32), so a fold
// counts what each session grew by since the previous fold (UsageSession keeps what was
// counted), on the ISP-local day of the session's latest report. Every reconnect is its own
// radacct row and so its own session. A session the NAS stopped, once counted, is done (one we
// closed as stale stays a candidate for its late Stop). Totals that go
// down (a replayed older Interim) count nothing, so nothing is ever counted twice; concurrent
// folds queue on a transaction lock.
//
// A plan's uncounted hours (e.g. free nights) are judged by the same latest report: what a
// session grew by since the previous fold counts as uncounted when that report fell in those
// ISP-local hours. With five-minute folds and interim updates that is within one interval.
//
// Candidates are the open sessions and those stopped within WINDOW_HOURS (a Stop delivered
// later than that is not counted).
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { getSettings } from "@/lib/settings/get-settings";

const WINDOW_HOURS = 48;

export type FoldUsageResult = {
  sessions: number;
  days: number;
  downloadBytes: string;
  uploadBytes: string;
};

export async function foldUsage(): Promise<FoldUsageResult> {
  const settings = await getSettings();
  const at = now();
  const since = new Date(at.getTime() - WINDOW_HOURS * 3600_000);
  const [row] = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `SELECT pg_advisory_xact_lock(hashtextextended('lastmile.usage-fold', 0))`,
      );
      return tx.$queryRawUnsafe<{ sessions: bigint; days: bigint; down: bigint; up: bigint }[]>(
        `WITH d AS (
         SELECT r.radacctid, s.id AS sub,
                COALESCE(r.acctoutputoctets, 0) AS down, COALESCE(r.acctinputoctets, 0) AS up,
                -- A session we closed as stale may still get its real Stop (FreeRADIUS writes
                -- it over ours): it stays a candidate until the NAS itself stopped it.
                r.acctstoptime IS NOT NULL AND r.acctterminatecause IS DISTINCT FROM 'Stale-Session' AS stopped,
                COALESCE(r.acctstoptime, r.acctupdatetime, r.acctstarttime) AS at,
                COALESCE(u."countedDownload", 0) AS cd, COALESCE(u."countedUpload", 0) AS cu,
                u."radacctId" IS NOT NULL AS known,
                p."uncountedFromHour" AS uf, p."uncountedToHour" AS ut
           FROM radacct r
           JOIN "Subscription" s ON s."radiusUsername" = r.username
           JOIN "Product" p ON p.id = s."productId"
           LEFT JOIN "UsageSession" u ON u."radacctId" = r.radacctid
          WHERE (r.acctstoptime IS NULL OR r.acctstoptime >= $1)
            AND u.done IS NOT TRUE
            AND COALESCE(r.acctstoptime, r.acctupdatetime, r.acctstarttime) IS NOT NULL
       ), sessions AS (
         INSERT INTO "UsageSession" ("radacctId", "countedDownload", "countedUpload", done, "foldedAt")
         SELECT radacctid, GREATEST(down, cd), GREATEST(up, cu), stopped, $2 FROM d
          WHERE NOT known OR down > cd OR up > cu OR stopped -- an idle open session is left as it is
         ON CONFLICT ("radacctId") DO UPDATE
            SET "countedDownload" = EXCLUDED."countedDownload", "countedUpload" = EXCLUDED."countedUpload",
                done = EXCLUDED.done, "foldedAt" = EXCLUDED."foldedAt"
         RETURNING 1
       ), timed AS (
         SELECT d.*, (at AT TIME ZONE $3::text)::date AS day,
                EXTRACT(HOUR FROM at AT TIME ZONE $3::text)::int AS h,
                GREATEST(down - cd, 0) AS dd, GREATEST(up - cu, 0) AS du
           FROM d
       ), grown AS (
         SELECT sub, day, SUM(dd)::bigint AS down, SUM(du)::bigint AS up,
                SUM(dd) FILTER (WHERE free)::bigint AS fdown, SUM(du) FILTER (WHERE free)::bigint AS fup
           FROM (SELECT *, uf IS NOT NULL AND ut IS NOT NULL AND uf <> ut
                        AND CASE WHEN uf < ut THEN h >= uf AND h < ut ELSE h >= uf OR h < ut END AS free
                   FROM timed) t
          GROUP BY 1, 2
       ), days AS (
         INSERT INTO "UsageDaily" ("subscriptionId", date, "downloadBytes", "uploadBytes",
                                   "uncountedDownloadBytes", "uncountedUploadBytes", "updatedAt")
         SELECT sub, day, down, up, COALESCE(fdown, 0), COALESCE(fup, 0), $2 FROM grown WHERE down > 0 OR up > 0
         ON CONFLICT ("subscriptionId", date) DO UPDATE
            SET "downloadBytes" = "UsageDaily"."downloadBytes" + EXCLUDED."downloadBytes",
                "uploadBytes" = "UsageDaily"."uploadBytes" + EXCLUDED."uploadBytes",
                "uncountedDownloadBytes" = "UsageDaily"."uncountedDownloadBytes" + EXCLUDED."uncountedDownloadBytes",
                "uncountedUploadBytes" = "UsageDaily"."uncountedUploadBytes" + EXCLUDED."uncountedUploadBytes",
                "updatedAt" = EXCLUDED."updatedAt"
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM days) AS days,
              (SELECT COALESCE(SUM(down), 0)::bigint FROM grown) AS down,
              (SELECT COALESCE(SUM(up), 0)::bigint FROM grown) AS up`,
        since,
        at,
        settings.timeZone,
      );
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
  return {
    sessions: Number(row.sessions),
    days: Number(row.days),
    downloadBytes: row.down.toString(),
    uploadBytes: row.up.toString(),
  };
}
