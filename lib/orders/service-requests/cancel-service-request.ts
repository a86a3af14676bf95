// Staff withdraw a service request that is still waiting for its signature (wrong plan, the
// customer changed their mind). Nothing was ordered, so nothing else changes; the link stops working.
import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time/clock";

export type CancelServiceRequestOptions = { actor: Actor; requestId: string };

export async function cancelServiceRequest({ actor, requestId }: CancelServiceRequestOptions) {
  assertCan(actor, "orders:write");
  return db.$transaction(async (tx) => {
    const [r] = await tx.$queryRaw<{ status: string; customerId: string }[]>`
      SELECT "status", "customerId" FROM "ServiceRequest" WHERE "id" = ${requestId} FOR UPDATE`;
    if (!r) throw notFound("Service request");
    if (r.status !== "AWAITING_SIGNATURE")
      throw new AppError(
        "CONFLICT",
        r.status === "SIGNED"
          ? "This request is signed: cancel its order or the service instead."
          : "This request is already cancelled.",
      );
    await tx.serviceRequest.update({
      where: { id: requestId },
      data: { status: "CANCELLED", cancelledAt: now(), linkTokenHash: null, linkExpiresAt: null },
    });
    await recordAudit(
      {
        actor,
        action: "service_request.cancel",
        entityType: "ServiceRequest",
        entityId: requestId,
        customerId: r.customerId,
      },
      tx,
    );
    return { customerId: r.customerId };
  });
}
