// Tells the NAS of every open session of a service what changed: a CoA-Request with the new
// group's attributes for its NAS type, or a Disconnect-Request so the session authenticates
// again. Each request and its answer (ACK/NAK, Error-Cause, latency) goes to the CoA log. A
// session on a NAS we do not know is logged as an ERROR: we have no secret to sign with.
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/encrypt";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import {
  sendDynamicAuthorization,
  type DynAuthKind,
  type DynAuthOutcome,
} from "./dynamic-authorization";
import { listOpenSessions, type OpenSession } from "./open-sessions";
import { coaAttributesFor, type GroupRows, type RadiusRow } from "./radius-groups";

export type SessionUpdate = {
  subscriptionId: string | null;
  username: string;
  kind: DynAuthKind;
  /** The group the service moved to (CoA carries its attributes). */
  group: GroupRows | null;
  /** Only these sessions (Acct-Session-Id) of the username; all open ones when omitted. */
  acctSessionIds?: string[];
};

export type SessionOutcome = {
  username: string;
  acctSessionId: string;
  nasIp: string;
  result: DynAuthOutcome["result"];
  errorCause: number | null;
  error: string | null;
};
export type SessionUpdateResult = {
  sent: number;
  acked: number;
  failed: number;
  outcomes: SessionOutcome[];
};

const PARALLEL = 16;

export async function updateOpenSessions(opts: {
  updates: SessionUpdate[];
  reason: string;
  timeoutMs?: number;
}): Promise<SessionUpdateResult> {
  const byUser = new Map(opts.updates.map((u) => [u.username, u]));
  const sessions = (await listOpenSessions(db, [...byUser.keys()])).filter((s) => {
    const only = byUser.get(s.username)!.acctSessionIds;
    return !only || only.includes(s.acctSessionId);
  });
  const result: SessionUpdateResult = { sent: 0, acked: 0, failed: 0, outcomes: [] };
  if (!sessions.length) return result;
  const nases = await db.nas.findMany({
    where: { ipAddress: { in: [...new Set(sessions.map((s) => s.nasIp))] } },
  });
  const nasByIp = new Map(nases.map((n) => [n.ipAddress, n]));

  async function one(session: OpenSession) {
    const update = byUser.get(session.username)!;
    const nas = nasByIp.get(session.nasIp);
    const identity: RadiusRow[] = [
      { attribute: "User-Name", op: "=", value: session.username },
      { attribute: "Acct-Session-Id", op: "=", value: session.acctSessionId },
      ...(session.framedIp
        ? [{ attribute: "Framed-IP-Address", op: "=", value: session.framedIp }]
        : []),
    ];
    const changes =
      update.kind === "COA" && update.group && nas ? coaAttributesFor(update.group, nas.type) : [];
    const attributes = [...identity, ...changes];
    const sentAt = now();
    const outcome = nas
      ? await sendDynamicAuthorization({
          kind: update.kind,
          host: nas.ipAddress,
          port: nas.coaPort,
          secret: decryptSecret(nas.secret),
          attributes,
          timeoutMs: opts.timeoutMs,
        })
      : {
          result: "ERROR" as const,
          errorCause: null,
          error: `no NAS registered for ${session.nasIp}`,
          latencyMs: null,
        };
    await db.coaLog.create({
      data: {
        kind: update.kind,
        subscriptionId: update.subscriptionId,
        nasId: nas?.id ?? null,
        nasIp: session.nasIp,
        username: session.username,
        acctSessionId: session.acctSessionId,
        reason: opts.reason,
        attributes: attributes.map((a) => [a.attribute, a.value]),
        result: outcome.result,
        errorCause: outcome.errorCause,
        error: outcome.error,
        sentAt,
        latencyMs: outcome.latencyMs,
        sessionUpdatedAt: session.updatedAt ?? session.startedAt,
      },
    });
    result.sent++;
    result.outcomes.push({
      username: session.username,
      acctSessionId: session.acctSessionId,
      nasIp: session.nasIp,
      result: outcome.result,
      errorCause: outcome.errorCause,
      error: outcome.error,
    });
    if (outcome.result === "ACK") result.acked++;
    else {
      result.failed++;
      logger.warn(
        { username: session.username, nas: session.nasIp, kind: update.kind, ...outcome },
        "dynamic authorization not acknowledged",
      );
    }
  }

  for (let i = 0; i < sessions.length; i += PARALLEL)
    await Promise.all(sessions.slice(i, i + PARALLEL).map(one));
  return result;
}
