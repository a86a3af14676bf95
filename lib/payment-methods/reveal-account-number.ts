import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { decryptSecret } from "@/lib/crypto/encrypt";

export const revealAccountNumberSchema = z.object({ mandateId: z.string().min(1) });

/** Decrypts a debit-order account number for staff allowed to see it. Every view is audited. */
export async function revealAccountNumber(opts: {
  actor: Actor;
  mandateId: string;
  ip?: string | null;
}) {
  assertCan(opts.actor, "customers:read_bank_details");
  const mandate = await db.debitMandate.findUnique({
    where: { id: opts.mandateId },
    select: { id: true, customerId: true, accountNumberEnc: true },
  });
  if (!mandate) throw notFound("Mandate");
  await recordAudit({
    actor: opts.actor,
    action: "mandate.view_account_number",
    entityType: "DebitMandate",
    entityId: mandate.id,
    customerId: mandate.customerId,
    ip: opts.ip,
  });
  return decryptSecret(mandate.accountNumberEnc);
}
