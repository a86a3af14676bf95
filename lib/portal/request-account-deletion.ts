// POPIA s24 / GDPR art. 17: a subscriber asks for their personal data to be erased. Erasure is a
// decision an ADMIN takes (open invoices, live services and the retention of financial records
// all bear on it), so the request goes to every active admin by email and is kept on the
// customer's audit trail; asking again within 30 days returns the pending request.
import "server-only";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { now } from "@/lib/time/clock";
import { deletionRequestSchema } from "./profile-schema";

export const DELETION_REQUESTED = "customer.deletion_requested";

export type RequestAccountDeletionOptions = { actor: Actor; customerId: string; reason?: string };

export async function requestAccountDeletion({
  actor,
  customerId,
  ...input
}: RequestAccountDeletionOptions) {
  assertCustomerAccess(actor, customerId, "customers:write");
  const { reason } = deletionRequestSchema.parse(input);
  const pending = await getDeletionRequest({ actor, customerId });
  if (pending) return { requestedAt: pending.at, alreadyRequested: true };
  const c = await db.customer.findUnique({
    where: { id: customerId },
    select: { accountNumber: true, firstName: true, lastName: true },
  });
  if (!c) throw notFound("Customer");
  const admins = await db.user.findMany({
    where: { role: "ADMIN", active: true },
    select: { email: true },
    take: 50,
  });
  const at = now();
  await db.$transaction(async (tx) => {
    await recordAudit(
      {
        actor,
        action: DELETION_REQUESTED,
        entityType: "Customer",
        entityId: customerId,
        customerId,
        data: { reason: reason ?? null },
      },
      tx,
    );
    for (const a of admins)
      await enqueueEmail(
        {
          to: a.email,
          subject: `Data deletion request: ${c.firstName} ${c.lastName} (${c.accountNumber})`,
          text: `${c.firstName} ${c.lastName} (account ${c.accountNumber}) asked for their personal data to be deleted.\n\nReason given: ${reason || "none"}\n\nReview the account: ${appUrl()}/admin/customers/${customerId}\n\nInvoices, credit notes and payment records are kept for the period tax law requires; other personal data is to be erased or anonymised once nothing is owed and no service is live.\n`,
          customerId,
        },
        tx,
      );
  });
  return { requestedAt: at, alreadyRequested: false };
}

export type GetDeletionRequestOptions = { actor: Actor; customerId: string };

/** The customer's deletion request of the last 30 days, if any (AuditLog customerId+at index). */
export async function getDeletionRequest({ actor, customerId }: GetDeletionRequestOptions) {
  assertCustomerAccess(actor, customerId, "customers:read");
  return db.auditLog.findFirst({
    where: {
      customerId,
      action: DELETION_REQUESTED,
      at: { gte: new Date(now().getTime() - 30 * 86_400_000) },
    },
    orderBy: { at: "desc" },
    select: { at: true },
  });
}
