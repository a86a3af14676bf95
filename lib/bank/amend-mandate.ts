// Changes a mandate's account or reference, keeping the original values: the next collection
// carries AmdmntInd=true with them (SEPA rulebook), and only that once. In the portal a change
// needs a fresh e-signature through the contract flow; this is the staff/back-office side.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { DebitMandate, Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/encrypt";
import { AppError, notFound } from "@/lib/errors";
import { normalizeBankAccount, type BankAccount } from "@/lib/payment-methods/bank-account";

export const amendMandateSchema = z.object({
  accountNumber: z.string().trim().max(40).optional(),
  branchCode: z.string().trim().max(11).optional(),
  bic: z.string().trim().max(11).optional(),
  mandateReference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+?/:().,' -]{1,35}$/, "up to 35 letters, digits or SEPA punctuation")
    .optional(),
});

export type AmendMandateOptions = { actor: Actor; mandateId: string } & z.infer<
  typeof amendMandateSchema
>;

export async function amendMandate({ actor, mandateId, ...input }: AmendMandateOptions) {
  assertCan(actor, "banking:write");
  const parsed = amendMandateSchema.parse(input);
  if (!parsed.accountNumber && !parsed.mandateReference)
    throw new AppError("VALIDATION", "Give a new account or mandate reference.", {
      accountNumber: "required",
    });
  return db.$transaction(async (tx) => {
    const m = await tx.debitMandate.findUnique({ where: { id: mandateId } });
    if (!m) throw notFound("Mandate");
    const account = parsed.accountNumber
      ? normalizeBankAccount({
          accountNumber: parsed.accountNumber,
          branchCode: parsed.branchCode ?? m.bankCode,
        })
      : null;
    return amendMandateTx(tx, {
      actor,
      mandate: m,
      account,
      bic: parsed.bic || null,
      mandateReference: parsed.mandateReference,
    });
  });
}

/** The amendment itself, inside the caller's transaction (staff above; the customer's signed
 *  change in sign-portal-mandate.ts). `extra` sets fields the amendment does not report. */
export async function amendMandateTx(
  tx: Tx,
  opts: {
    actor: Actor;
    mandate: DebitMandate;
    account: BankAccount | null;
    bic?: string | null;
    mandateReference?: string;
    extra?: Prisma.DebitMandateUpdateInput;
  },
) {
  const { actor, mandate: m, account } = opts;
  if (m.status === "CANCELLED")
    throw new AppError("CONFLICT", "A cancelled mandate cannot be amended.");
  const refChanged = !!opts.mandateReference && opts.mandateReference !== m.mandateReference;
  await tx.debitMandateAmendment.create({
    data: {
      mandateId: m.id,
      originalMandateReference: refChanged ? m.mandateReference : null,
      originalAccountEnc: account ? m.accountNumberEnc : null,
      originalBic: account ? m.bic : null,
      changedById: actor.kind === "system" ? null : actor.id,
    },
  });
  const updated = await tx.debitMandate.update({
    where: { id: m.id },
    data: {
      ...opts.extra,
      ...(refChanged ? { mandateReference: opts.mandateReference } : {}),
      ...(account
        ? {
            accountNumberEnc: encryptSecret(account.accountNumber),
            accountLast4: account.last4,
            bankCode: account.branchCode,
            bic: opts.bic ?? null,
          }
        : {}),
    },
    select: { id: true, mandateReference: true, accountLast4: true, status: true },
  });
  await recordAudit(
    {
      actor,
      action: "bank.mandate_amend",
      entityType: "DebitMandate",
      entityId: m.id,
      customerId: m.customerId,
      data: { accountChanged: !!account, referenceChanged: refChanged },
    },
    tx,
  );
  return updated;
}
