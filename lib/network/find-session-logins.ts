// Who is online at an address right now: the logins of open RADIUS sessions whose NAS handed out
// this framed IP (dynamic pools), for the staff search ("which customer is 100.64.3.17?").
// Served by radacct_open_framed_ip_idx (open sessions only), one probe per search.
import "server-only";
import { isIPv4 } from "node:net";
import { db } from "@/lib/db";

export type FindSessionLoginsOptions = { framedIp: string };

export async function findSessionLogins({ framedIp }: FindSessionLoginsOptions): Promise<string[]> {
  if (!isIPv4(framedIp)) return [];
  const rows = await db.$queryRaw<{ username: string }[]>`
    SELECT DISTINCT username FROM radacct
     WHERE acctstoptime IS NULL AND framedipaddress = ${framedIp}::inet
     LIMIT 20`;
  return rows.map((r) => r.username);
}
