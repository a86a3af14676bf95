// Makes FreeRADIUS's rows follow our subscriptions, then tells the NAS about sessions whose
// access changed. For the given subscriptions (after an event), or for every service plus any
// row that belongs to none (the sweep and the resync). Writers are serialised by a transaction
// advisory lock, so an event-driven run and a sweep never interleave their writes.
//
// Per service: the group from its state (service-state.ts), a Cleartext-Password radcheck row
// (CHAP and MS-CHAP need the clear text on the server; our copy is encrypted) or, for IPoE,
// `Auth-Type := Accept` for the line's MAC/circuit id, and a per-user
// reply only for a static IP (Framed-IP-Address). A quick run compares group membership, the
// replies and that a password row exists; the resync and a credentials change (`verifyValues`)
// also compare the password, so a password or row edited behind our back is put back and
// reported.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { decryptSecret } from "@/lib/crypto/encrypt";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/get-settings";
import { dateInZone } from "@/lib/time/dates";
import { now } from "@/lib/time/clock";
import { assignCredentials } from "./assign-credentials";
import type { RadiusRow } from "./radius-groups";
import { readUsers, sameRows, writeUsers, type UserRows } from "./radius-tables";
import { desiredGroup, sessionActionFor } from "./service-state";
import { syncRadiusGroups, type GroupDiff } from "./sync-radius-groups";
import {
  updateOpenSessions,
  type SessionUpdate,
  type SessionUpdateResult,
} from "./update-open-sessions";

export type SyncServicesOptions = {
  actor: Actor;
  /** Only these subscriptions; every service and every stray row when omitted. */
  subscriptionIds?: string[];
  /** Compare passwords value by value, not only that one exists (resync, credentials change). */
  verifyValues?: boolean;
  /** Why (CoA log): the event's change, "sync" or "resync". */
  reason: string;
};

export type UserDiff = {
  username: string;
  subscriptionId: string | null;
  was: string | null;
  now: string | null;
  /** What differed besides the group: the password row, per-user replies. */
  rows?: ("password" | "replies")[];
};

export type SyncServicesReport = {
  groups: GroupDiff;
  services: number;
  added: UserDiff[];
  changed: UserDiff[];
  removed: UserDiff[];
  /** Services told by CoA / by Disconnect, and the requests sent to their open sessions. */
  sessions: Omit<SessionUpdateResult, "outcomes"> & { coa: number; disconnect: number };
};

type Service = {
  id: string;
  status: SubscriptionStatus;
  soft: boolean;
  code: string;
  accountNumber: string;
  radiusUsername: string | null;
  radiusPassword: string | null;
  capped: "THROTTLE" | "BLOCK" | null;
  staticIp: string | null;
  accessType: "PPPOE" | "IPOE";
};

// A cap in force is one of this month's (ISP-local) periods with cappedAt set; when the month
// turns, the sweep finds no such row and the plan's speed comes back by itself. $1 is the
// ISP-local date.
const SERVICE_COLUMNS = `s.id, s.status::text AS status, s."softSuspendedAt" IS NOT NULL AS soft, p.code,
  c."accountNumber", s."radiusUsername", s."radiusPassword", s."accessType"::text AS "accessType",
  CASE WHEN p."capAction" IN ('THROTTLE', 'BLOCK') AND EXISTS (
    SELECT 1 FROM "UsagePeriod" u WHERE u."subscriptionId" = s.id AND u."cappedAt" IS NOT NULL
       AND u."periodStart" <= $1::date AND u."periodEnd" > $1::date)
  THEN p."capAction"::text END AS capped,
  (SELECT ip.address FROM "StaticIp" ip WHERE ip."subscriptionId" = s.id) AS "staticIp"
  FROM "Subscription" s JOIN "Product" p ON p.id = s."productId" JOIN "Customer" c ON c.id = s."customerId"
  WHERE s."parentId" IS NULL AND p.kind = 'PLAN'`;

/** PPPoE: the password (clear text for CHAP/MS-CHAP); IPoE: the line is its own proof. */
const checkRows = (s: Service): RadiusRow[] =>
  s.accessType === "IPOE"
    ? [{ attribute: "Auth-Type", op: ":=", value: "Accept" }]
    : [{ attribute: "Cleartext-Password", op: ":=", value: decryptSecret(s.radiusPassword!) }];

const userReply = (s: Service): RadiusRow[] =>
  s.staticIp ? [{ attribute: "Framed-IP-Address", op: ":=", value: s.staticIp }] : [];

export async function syncServices(opts: SyncServicesOptions): Promise<SyncServicesReport> {
  assertCan(opts.actor, "network:write");
  const settings = await getSettings();
  const sweep = !opts.subscriptionIds;
  const today = dateInZone(now(), settings.timeZone);
  const { report, updates } = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `SELECT pg_advisory_xact_lock(hashtextextended('lastmile.radius', 0))`,
      );
      const { groups, diff } = await syncRadiusGroups(tx, settings);
      let current = sweep ? await readUsers(tx, null) : new Map<string, UserRows>();
      const services = sweep
        ? await tx.$queryRawUnsafe<Service[]>(
            `SELECT ${SERVICE_COLUMNS} AND (s.status IN ('ACTIVE', 'SUSPENDED') OR s."radiusUsername" = ANY($2::text[]))`,
            today,
            [...current.keys()],
          )
        : await tx.$queryRawUnsafe<Service[]>(
            `SELECT ${SERVICE_COLUMNS} AND s.id = ANY($2::text[])`,
            today,
            opts.subscriptionIds,
          );
      const target = new Map(
        services.map((s) => [
          s.id,
          desiredGroup(
            { status: s.status, softSuspended: s.soft, productCode: s.code, capped: s.capped },
            settings.radiusSuspendedAccess,
          ),
        ]),
      );
      const assigned = await assignCredentials(
        tx,
        services.filter(
          (s) =>
            s.accessType === "PPPOE" && target.get(s.id) && !(s.radiusUsername && s.radiusPassword),
        ),
      );
      for (const s of services) {
        const a = assigned.get(s.id);
        if (a) Object.assign(s, { radiusUsername: a.username, radiusPassword: a.sealedPassword });
      }
      if (!sweep)
        current = await readUsers(
          tx,
          services.flatMap((s) => (s.radiusUsername ? [s.radiusUsername] : [])),
        );

      const writes = new Map<string, UserRows | null>();
      const report: SyncServicesReport = {
        groups: diff,
        services: services.length,
        added: [],
        changed: [],
        removed: [],
        sessions: { sent: 0, acked: 0, failed: 0, coa: 0, disconnect: 0 },
      };
      const updates: SessionUpdate[] = [];
      const seen = new Set<string>();
      for (const s of services) {
        if (!s.radiusUsername) continue;
        seen.add(s.radiusUsername);
        const to = target.get(s.id) ?? null;
        const cur = current.get(s.radiusUsername);
        const entry: UserDiff = {
          username: s.radiusUsername,
          subscriptionId: s.id,
          was: cur?.group ?? null,
          now: to,
        };
        if (!to) {
          if (cur) {
            writes.set(s.radiusUsername, null);
            report.removed.push(entry);
          }
        } else {
          const rows: NonNullable<UserDiff["rows"]> = [];
          if (
            cur &&
            (opts.verifyValues
              ? !sameRows(cur.check, checkRows(s))
              : // Quick: the right kind of row, without decrypting every password.
                !cur.check.some(
                  (r) =>
                    r.attribute === (s.accessType === "IPOE" ? "Auth-Type" : "Cleartext-Password"),
                ))
          )
            rows.push("password");
          // Per-user replies are only the static IP (Framed-IP-Address); anything else there
          // was put in behind our back.
          const reply = userReply(s);
          if (cur && !sameRows(cur.reply, reply)) rows.push("replies");
          if (!cur || cur.group !== to || rows.length) {
            writes.set(s.radiusUsername, {
              check: checkRows(s),
              reply,
              group: to,
            });
            if (rows.length) Object.assign(entry, { rows });
            (cur ? report.changed : report.added).push(entry);
          }
        }
        // A new or released static IP cannot reach a live PPP session: it reconnects.
        const renumbered = Boolean(cur?.group && to) && !sameRows(cur?.reply ?? [], userReply(s));
        const groupAction = sessionActionFor(cur?.group ?? null, to);
        const action = groupAction === "none" && renumbered ? "disconnect" : groupAction;
        if (action !== "none")
          updates.push({
            subscriptionId: s.id,
            username: s.radiusUsername,
            kind: action === "coa" ? "COA" : "DISCONNECT",
            group: to ? (groups.get(to) ?? null) : null,
          });
      }
      if (sweep) {
        // Rows no service owns (a deleted customer, a hand-made entry) are removed and their
        // sessions ended: only lib/network decides who may connect.
        for (const [username, cur] of current) {
          if (seen.has(username)) continue;
          writes.set(username, null);
          report.removed.push({ username, subscriptionId: null, was: cur.group, now: null });
          if (cur.group)
            updates.push({ subscriptionId: null, username, kind: "DISCONNECT", group: null });
        }
      }
      await writeUsers(tx, writes);
      return { report, updates };
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
  if (updates.length) {
    const { sent, acked, failed } = await updateOpenSessions({ updates, reason: opts.reason });
    report.sessions = {
      sent,
      acked,
      failed,
      coa: updates.filter((u) => u.kind === "COA").length,
      disconnect: updates.filter((u) => u.kind === "DISCONNECT").length,
    };
  }
  return report;
}
