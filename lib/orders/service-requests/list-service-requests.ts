// A customer's service requests still waiting for a signature, for the customer page.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { fromDbDate } from "@/lib/time/dates";
import { signingDeadline } from "./issue-signing-link";

export type ListServiceRequestsOptions = { actor: Actor; customerId: string };

export async function listServiceRequests({ actor, customerId }: ListServiceRequestsOptions) {
  assertCan(actor, "orders:read");
  const rows = await db.serviceRequest.findMany({
    where: { customerId, status: "AWAITING_SIGNATURE" },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      planName: true,
      startDate: true,
      cardLink: true,
      linkExpiresAt: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    startDate: fromDbDate(r.startDate),
    linkSent: r.linkExpiresAt !== null,
    signBy: signingDeadline(r.createdAt),
  }));
}
