// Ends a service's open sessions now (staff, API): a Disconnect-Request to the NAS of each,
// answered and logged like every CoA. The service may connect again at once if its state allows.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { updateOpenSessions, type SessionOutcome } from "./update-open-sessions";

export type DisconnectServiceOptions = { actor: Actor; subscriptionId: string };

export async function disconnectService(
  opts: DisconnectServiceOptions,
): Promise<{ sessions: SessionOutcome[] }> {
  assertCan(opts.actor, "network:write");
  const sub = await db.subscription.findUnique({
    where: { id: opts.subscriptionId },
    select: { id: true, customerId: true, radiusUsername: true },
  });
  if (!sub) throw notFound("Subscription");
  const { outcomes } = sub.radiusUsername
    ? await updateOpenSessions({
        updates: [
          { subscriptionId: sub.id, username: sub.radiusUsername, kind: "DISCONNECT", group: null },
        ],
        reason: "disconnect",
      })
    : { outcomes: [] };
  await recordAudit({
    actor: opts.actor,
    action: "subscription.disconnect",
    entityType: "Subscription",
    entityId: sub.id,
    customerId: sub.customerId,
    data: { sessions: outcomes.map((o) => ({ acctSessionId: o.acctSessionId, result: o.result })) },
  });
  return { sessions: outcomes };
}
