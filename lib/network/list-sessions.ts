// RADIUS sessions from FreeRADIUS's accounting (radacct), for staff and the API: the open ones
// by default, or every session, newest first; by customer or service. Bytes are the session's
// totals so far (Gigawords included); download is what the customer received.
import { db } from "@/lib/db";
import { assertCan, assertCustomerAccess, type Actor } from "@/lib/auth/roles";

export type ListSessionsOptions = {
  actor: Actor;
  customerId?: string;
  subscriptionId?: string;
  /** "open" (default): sessions without a Stop; "all": every session. */
  state?: "open" | "all";
  limit?: number;
};

export type SessionView = {
  id: string;
  subscriptionId: string;
  customerId: string;
  username: string;
  acctSessionId: string;
  nasIp: string;
  framedIp: string | null;
  startedAt: string | null;
  updatedAt: string | null;
  stoppedAt: string | null;
  terminateCause: string | null;
  downloadBytes: number;
  uploadBytes: number;
};

type Row = Omit<
  SessionView,
  "startedAt" | "updatedAt" | "stoppedAt" | "downloadBytes" | "uploadBytes"
> & {
  startedAt: Date | null;
  updatedAt: Date | null;
  stoppedAt: Date | null;
  downloadBytes: bigint;
  uploadBytes: bigint;
};

export async function listSessions(opts: ListSessionsOptions): Promise<SessionView[]> {
  if (opts.customerId) assertCustomerAccess(opts.actor, opts.customerId, "network:read");
  else assertCan(opts.actor, "network:read");
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT r.radacctid::text AS id, s.id AS "subscriptionId", s."customerId", r.username,
            r.acctsessionid AS "acctSessionId", host(r.nasipaddress) AS "nasIp",
            host(r.framedipaddress) AS "framedIp", r.acctstarttime AS "startedAt",
            r.acctupdatetime AS "updatedAt", r.acctstoptime AS "stoppedAt",
            NULLIF(r.acctterminatecause, '') AS "terminateCause",
            COALESCE(r.acctoutputoctets, 0) AS "downloadBytes", COALESCE(r.acctinputoctets, 0) AS "uploadBytes"
       FROM radacct r JOIN "Subscription" s ON s."radiusUsername" = r.username
      WHERE ($1::text IS NULL OR s."customerId" = $1)
        AND ($2::text IS NULL OR s.id = $2)
        AND ($3::boolean OR r.acctstoptime IS NULL)
      ORDER BY r.acctstarttime DESC NULLS LAST
      LIMIT $4`,
    opts.customerId ?? null,
    opts.subscriptionId ?? null,
    opts.state === "all",
    limit,
  );
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((r) => ({
    ...r,
    startedAt: iso(r.startedAt),
    updatedAt: iso(r.updatedAt),
    stoppedAt: iso(r.stoppedAt),
    downloadBytes: Number(r.downloadBytes),
    uploadBytes: Number(r.uploadBytes),
  }));
}
