// Registers a block of addresses for static IPs. Blocks may not overlap: one address, one pool.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ipPoolInputSchema, type IpPoolInput } from "./ip-pool-schema";
import { parseCidr } from "./ipv4";
import { toIpPoolView } from "./list-ip-pools";

export type CreateIpPoolOptions = { actor: Actor; input: IpPoolInput };

export async function createIpPool(opts: CreateIpPoolOptions) {
  assertCan(opts.actor, "network:write");
  const v = ipPoolInputSchema.parse(opts.input);
  const block = parseCidr(v.cidr)!;
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `SELECT pg_advisory_xact_lock(hashtextextended('lastmile.ip-pools', 0))`,
    );
    for (const other of await tx.ipPool.findMany({ select: { name: true, cidr: true } })) {
      const o = parseCidr(other.cidr)!;
      if (o.network <= block.broadcast && block.network <= o.broadcast)
        throw new AppError("CONFLICT", `This block overlaps pool ${other.name} (${other.cidr}).`, {
          cidr: "overlaps another pool",
        });
      if (other.name === v.name)
        throw new AppError("CONFLICT", "A pool with this name exists already.", { name: "taken" });
    }
    const pool = await tx.ipPool.create({
      data: { name: v.name, cidr: v.cidr, gateway: v.gateway, description: v.description ?? null },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "ip_pool.create",
        entityType: "IpPool",
        entityId: pool.id,
        data: { name: pool.name, cidr: pool.cidr, gateway: pool.gateway },
      },
      tx,
    );
    return toIpPoolView({ ...pool, _count: { assignments: 0 } });
  });
}
