// Takes a service's static IP back into its pool; FreeRADIUS stops replying it after the
// `static-ip` change and an open session is disconnected to pick up a dynamic address.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { subscriptionChanged } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";

export type ReleaseStaticIpOptions = { actor: Actor; subscriptionId: string };

export async function releaseStaticIp(opts: ReleaseStaticIpOptions) {
  assertCan(opts.actor, "network:write");
  const released = await db.$transaction(async (tx) => {
    const row = await tx.staticIp.findUnique({
      where: { subscriptionId: opts.subscriptionId },
      include: { subscription: { select: { customerId: true } } },
    });
    if (!row) throw notFound("Static IP");
    await tx.staticIp.delete({ where: { id: row.id } });
    await recordAudit(
      {
        actor: opts.actor,
        action: "subscription.release_static_ip",
        entityType: "Subscription",
        entityId: opts.subscriptionId,
        customerId: row.subscription.customerId,
        data: { address: row.address },
      },
      tx,
    );
    return row.address;
  });
  await publish(
    subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "static-ip" }),
  );
  return { address: released };
}
