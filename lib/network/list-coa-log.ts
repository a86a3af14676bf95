// The latest CoA and Disconnect requests with their answers, for the admin Network page.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

export async function listCoaLog(opts: { actor: Actor; limit?: number }) {
  assertCan(opts.actor, "network:read");
  const rows = await db.coaLog.findMany({
    orderBy: { sentAt: "desc" },
    take: Math.min(opts.limit ?? 50, 500),
    select: {
      id: true,
      kind: true,
      username: true,
      nasIp: true,
      acctSessionId: true,
      reason: true,
      result: true,
      errorCause: true,
      error: true,
      sentAt: true,
      latencyMs: true,
      subscription: { select: { customerId: true } },
    },
  });
  return rows.map(({ subscription, sentAt, ...r }) => ({
    ...r,
    customerId: subscription?.customerId ?? null,
    sentAt: sentAt.toISOString(),
  }));
}
