// Gives a service a static IP from a pool (the lowest free address, or the one asked for). The address's unique key makes a double assignment impossible even between two
// staff at once; the pool row lock makes "lowest free" deterministic. FreeRADIUS replies
// Framed-IP-Address after the `static-ip` change; an open session is disconnected so the router
// reconnects with the new address (a NAS cannot renumber a live PPP session).
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { subscriptionChanged } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import { staticIpInputSchema, type StaticIpInput } from "./ip-pool-schema";
import { assignable, inCidr, parseCidr } from "./ipv4";

export type AssignStaticIpOptions = { actor: Actor; subscriptionId: string; input: StaticIpInput };

export async function assignStaticIp(opts: AssignStaticIpOptions) {
  assertCan(opts.actor, "network:write");
  const v = staticIpInputSchema.parse(opts.input);
  const assigned = await db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({
      where: { id: opts.subscriptionId },
      select: {
        id: true,
        status: true,
        parentId: true,
        customerId: true,
        product: { select: { kind: true } },
        staticIp: true,
      },
    });
    if (!sub) throw notFound("Subscription");
    if (sub.parentId || sub.product.kind !== "PLAN")
      throw new AppError("UNPROCESSABLE", "Add-ons have no network login of their own.");
    if (sub.status === "CANCELLED") throw new AppError("CONFLICT", "This service is cancelled.");
    if (sub.staticIp)
      throw new AppError(
        "CONFLICT",
        `This service has ${sub.staticIp.address} already; release it first.`,
      );
    const [pool] = await tx.$queryRawUnsafe<{ id: string; cidr: string; gateway: string | null }[]>(
      `SELECT id, cidr, gateway FROM "IpPool" WHERE id = $1 FOR UPDATE`,
      v.poolId,
    );
    if (!pool)
      throw new AppError("VALIDATION", "Some fields are not valid.", { poolId: "Unknown pool" });
    const block = parseCidr(pool.cidr)!;
    const taken = new Set(
      (await tx.staticIp.findMany({ where: { poolId: pool.id }, select: { address: true } })).map(
        (a) => a.address,
      ),
    );
    let address: string | undefined;
    if (v.address) {
      if (!inCidr(block, v.address) || ![...assignable(block, pool.gateway)].includes(v.address))
        throw new AppError("VALIDATION", "Some fields are not valid.", {
          address: `Not an address this pool hands out (${pool.cidr})`,
        });
      if (taken.has(v.address))
        throw new AppError("CONFLICT", `${v.address} is assigned already.`, { address: "taken" });
      address = v.address;
    } else {
      for (const a of assignable(block, pool.gateway))
        if (!taken.has(a)) {
          address = a;
          break;
        }
      if (!address) throw new AppError("CONFLICT", `Pool ${pool.cidr} has no free address.`);
    }
    const row = await tx.staticIp.create({
      data: {
        poolId: pool.id,
        address,
        subscriptionId: sub.id,
        assignedById: opts.actor.kind === "system" ? null : opts.actor.id,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "subscription.assign_static_ip",
        entityType: "Subscription",
        entityId: sub.id,
        customerId: sub.customerId,
        data: { address, poolId: pool.id },
      },
      tx,
    );
    return row;
  });
  await publish(
    subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "static-ip" }),
  );
  return {
    subscriptionId: assigned.subscriptionId,
    poolId: assigned.poolId,
    address: assigned.address,
    assignedAt: assigned.assignedAt.toISOString(),
  };
}
