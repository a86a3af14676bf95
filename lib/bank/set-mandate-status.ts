// Staff suspend, re-activate or cancel a mandate. A cancelled mandate is final (a new one needs a
// new signature); suspended ones are skipped by collection runs until re-activated.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";

export const mandateStatusSchema = z.enum(["ACTIVE", "SUSPENDED", "CANCELLED"]);

export type SetMandateStatusOptions = {
  actor: Actor;
  mandateId: string;
  status: z.infer<typeof mandateStatusSchema>;
  reason?: string;
};

export async function setMandateStatus({
  actor,
  mandateId,
  status,
  reason,
}: SetMandateStatusOptions) {
  assertCan(actor, "banking:write");
  const to = mandateStatusSchema.parse(status);
  return db.$transaction(async (tx) => {
    const m = await tx.debitMandate.findUnique({ where: { id: mandateId } });
    if (!m) throw notFound("Mandate");
    if (m.status === "CANCELLED") throw new AppError("CONFLICT", "This mandate is cancelled.");
    const updated = await tx.debitMandate.update({
      where: { id: m.id },
      data: {
        status: to,
        statusChangedAt: now(),
        suspendedReason: to === "ACTIVE" ? null : (reason?.slice(0, 500) ?? m.suspendedReason),
      },
      select: { id: true, status: true },
    });
    await recordAudit(
      {
        actor,
        action: "bank.mandate_status",
        entityType: "DebitMandate",
        entityId: m.id,
        customerId: m.customerId,
        data: { from: m.status, to, reason },
      },
      tx,
    );
    return updated;
  });
}
