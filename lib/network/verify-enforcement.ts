// Enforcement that checks itself: a NAS may ACK a Disconnect-Request and keep the session up.
// A session whose accounting moved on after we sent it a Disconnect (radacct's update time,
// from the NAS's clock, compared with the one we saw when sending, so clock skew cannot fool
// it) is not gone:
// the first time we send the Disconnect again; if it survives that too, staff (admins and
// technicians) get one email per session, and the CoA log shows every attempt.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { updateOpenSessions } from "./update-open-sessions";

type Survivor = {
  radacctId: string;
  subscriptionId: string;
  customerId: string;
  username: string;
  acctSessionId: string;
  nasIp: string;
  updatedAt: Date;
  attempts: bigint;
  lastSentAt: Date;
};

export type VerifyEnforcementResult = {
  resent: number;
  alerted: number;
  notificationIds: string[];
};

export async function verifyEnforcement(opts: { actor: Actor }): Promise<VerifyEnforcementResult> {
  assertCan(opts.actor, "network:write");
  const survivors = await db.$queryRawUnsafe<Survivor[]>(
    `SELECT r.radacctid::text AS "radacctId", s.id AS "subscriptionId", s."customerId", r.username,
            r.acctsessionid AS "acctSessionId", host(r.nasipaddress) AS "nasIp",
            r.acctupdatetime AS "updatedAt", l.attempts, l.last AS "lastSentAt"
       FROM radacct r
       JOIN "Subscription" s ON s."radiusUsername" = r.username
       JOIN LATERAL (
         SELECT count(*) AS attempts, max(c."sentAt") AS last, max(c."sessionUpdatedAt") AS seen
           FROM "CoaLog" c
          WHERE c.username = r.username AND c."acctSessionId" = r.acctsessionid AND c.kind = 'DISCONNECT'
       ) l ON l.last IS NOT NULL
      WHERE r.acctstoptime IS NULL AND r.acctupdatetime > l.seen`,
  );
  const retry = survivors.filter((s) => Number(s.attempts) < 2);
  const alert = survivors.filter((s) => Number(s.attempts) >= 2);
  if (retry.length)
    await updateOpenSessions({
      updates: retry.map((s) => ({
        subscriptionId: s.subscriptionId,
        username: s.username,
        kind: "DISCONNECT",
        group: null,
        acctSessionIds: [s.acctSessionId],
      })),
      reason: "enforce",
    });
  const notificationIds: string[] = [];
  if (alert.length) {
    const staff = await db.user.findMany({
      where: { active: true, role: { in: ["ADMIN", "TECHNICIAN"] } },
      select: { email: true },
    });
    for (const s of alert)
      for (const { email } of staff) {
        const n = await enqueueEmail({
          to: email,
          subject: `Still online after disconnect: ${s.username}`,
          text: `Lastmile sent ${s.attempts} Disconnect-Requests for session ${s.acctSessionId} of ${s.username} to the NAS at ${s.nasIp}, the last at ${s.lastSentAt.toISOString()}, yet the NAS reported accounting for that session at ${s.updatedAt.toISOString()}.\n\nThe session should have ended. Check the NAS (CoA port, shared secret, firmware) and end it there; the CoA log in Lastmile lists every attempt and answer.`,
          customerId: s.customerId,
          dedupeKey: `radius.enforcement:${s.radacctId}:${email}`,
        });
        notificationIds.push(n.id);
      }
  }
  return { resent: retry.length, alerted: alert.length, notificationIds };
}
