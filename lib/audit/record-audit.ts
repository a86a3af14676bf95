// The audit log: sign-ins, role changes, API key use and every change to customer data.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorLabel, type Actor } from "@/lib/auth/roles";

export type AuditInput = {
  actor: Actor;
  action: string; // "customer.update", "auth.sign_in", "mandate.view_account_number"
  entityType?: string;
  entityId?: string;
  customerId?: string | null;
  ip?: string | null;
  data?: Prisma.InputJsonValue;
};

/** Writes one audit row; pass the transaction so the record commits with the change it describes. */
export async function recordAudit(input: AuditInput, tx: Tx = db) {
  const { actor } = input;
  await tx.auditLog.create({
    data: {
      actorType: actor.kind === "user" ? "USER" : actor.kind === "api_key" ? "API_KEY" : "SYSTEM",
      actorId: actor.kind === "system" ? null : actor.id,
      actorLabel: actorLabel(actor),
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      customerId: input.customerId ?? null,
      ip: input.ip ?? null,
      data: input.data,
    },
  });
}
