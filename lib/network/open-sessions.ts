// Sessions FreeRADIUS's accounting shows as still open (no Acct-Stop yet), per username.
import type { Tx } from "@/lib/db";

export type OpenSession = {
  radacctId: string;
  acctSessionId: string;
  username: string;
  nasIp: string;
  framedIp: string | null;
  startedAt: Date | null;
  updatedAt: Date | null;
  downloadBytes: bigint;
  uploadBytes: bigint;
};

export async function listOpenSessions(tx: Tx, usernames: string[]): Promise<OpenSession[]> {
  if (!usernames.length) return [];
  return tx.$queryRawUnsafe<OpenSession[]>(
    `SELECT radacctid::text AS "radacctId", acctsessionid AS "acctSessionId", username,
            host(nasipaddress) AS "nasIp", host(framedipaddress) AS "framedIp",
            acctstarttime AS "startedAt", acctupdatetime AS "updatedAt",
            COALESCE(acctoutputoctets, 0) AS "downloadBytes", COALESCE(acctinputoctets, 0) AS "uploadBytes"
       FROM radacct
      WHERE acctstoptime IS NULL AND username = ANY($1::text[])
      ORDER BY acctstarttime`,
    usernames,
  );
}
