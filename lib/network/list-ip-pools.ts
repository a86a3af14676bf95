// Static IP pools with how many addresses each may hand out and how many are assigned, and
// (for the admin page) who holds each assigned address.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { assignableCount, parseCidr } from "./ipv4";

type PoolRow = {
  id: string;
  name: string;
  cidr: string;
  gateway: string | null;
  description: string | null;
  _count: { assignments: number };
};

export const toIpPoolView = (p: PoolRow) => ({
  id: p.id,
  name: p.name,
  cidr: p.cidr,
  gateway: p.gateway,
  description: p.description,
  size: assignableCount(parseCidr(p.cidr)!, p.gateway),
  assigned: p._count.assignments,
});

export async function listIpPools(opts: { actor: Actor }) {
  assertCan(opts.actor, "network:read");
  const pools = await db.ipPool.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { assignments: true } } },
  });
  return pools.map(toIpPoolView);
}

/** Every assigned address with its service and customer (admin page; a pool is a few hundred). */
export async function listStaticIps(opts: { actor: Actor }) {
  assertCan(opts.actor, "network:read");
  return db.staticIp.findMany({
    orderBy: [{ poolId: "asc" }, { address: "asc" }],
    select: {
      address: true,
      assignedAt: true,
      pool: { select: { name: true } },
      subscription: {
        select: {
          id: true,
          status: true,
          radiusUsername: true,
          product: { select: { name: true } },
          customer: { select: { id: true, accountNumber: true, firstName: true, lastName: true } },
        },
      },
    },
  });
}
