// A customer signs a debit-order mandate in the portal: a new debit order, or their existing
// mandate moved to another account. Like the contract at sign-up, the signature covers the exact
// text they were shown (its hash), and the evidence (who, how, when, from where) is kept. A
// changed account is an amendment (the next collection reports AmdmntInd with the original
// account); a mandate suspended after a hard return (closed account, no mandate) is active again,
// since the fresh signature for a new account is what cures it.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertSignaturePng } from "@/lib/contracts/assert-signature-png";
import { sha256 } from "@/lib/contracts/contract-hash";
import { encryptSecret } from "@/lib/crypto/encrypt";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { amendMandateTx } from "./amend-mandate";
import { portalMandateSignSchema, type PortalMandateSign } from "./portal-mandate-schema";
import { draftPortalMandate } from "./preview-portal-mandate";

export type SignPortalMandateOptions = {
  actor: Actor;
  customerId: string;
  ip: string | null;
} & PortalMandateSign;

export async function signPortalMandate({
  actor,
  customerId,
  ip,
  ...input
}: SignPortalMandateOptions) {
  assertCustomerAccess(actor, customerId, "customers:write");
  const { signature, ...draftInput } = portalMandateSignSchema.parse(input);
  if (signature.method === "DRAWN") assertSignaturePng(signature.image!);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${customerId} FOR UPDATE`;
    const d = await draftPortalMandate(tx, customerId, draftInput);
    if (d.contentHash !== signature.contentHash)
      throw new AppError(
        "CONFLICT",
        "The mandate changed since you read it. Please read it again and sign.",
      );
    const signedAt = now();
    const signatureData = signature.method === "DRAWN" ? signature.image! : signature.typed!;
    const documentHash = sha256(
      [
        d.contentHash,
        signature.signerName,
        sha256(signatureData),
        signedAt.toISOString(),
        ip ?? "",
      ].join("\n"),
    );
    const signed = {
      accountHolder: d.draft.accountHolder,
      accountType: d.account.isIban ? null : (d.draft.accountType ?? null),
      mandateText: d.text,
      signedAt,
    };
    let mandateId: string;
    if (d.existing) {
      const reactivate = d.existing.status === "SUSPENDED";
      await amendMandateTx(tx, {
        actor,
        mandate: d.existing,
        account: d.account,
        extra: {
          ...signed,
          ...(reactivate && { status: "ACTIVE", statusChangedAt: signedAt, suspendedReason: null }),
        },
      });
      mandateId = d.existing.id;
    } else {
      if (d.draft.makeDefault)
        await tx.paymentMethod.updateMany({
          where: { customerId, isDefault: true },
          data: { isDefault: false },
        });
      const method = await tx.paymentMethod.create({
        data: {
          customerId,
          kind: "DEBIT_ORDER",
          isDefault:
            d.draft.makeDefault ||
            (await tx.paymentMethod.count({ where: { customerId, isDefault: true } })) === 0,
          mandate: {
            create: {
              customerId,
              ...signed,
              accountNumberEnc: encryptSecret(d.account.accountNumber),
              accountLast4: d.account.last4,
              bankCode: d.account.branchCode,
              mandateReference: d.reference,
            },
          },
        },
        select: { mandate: { select: { id: true } } },
      });
      mandateId = method.mandate!.id;
    }
    await tx.mandateSignature.create({
      data: {
        mandateId,
        kind: d.existing ? "AMENDED" : "CREATED",
        mandateText: d.text,
        signerName: signature.signerName,
        signatureImage: signature.method === "DRAWN" ? signature.image! : null,
        typedSignature: signature.method === "TYPED" ? signature.typed! : null,
        signedAt,
        signerIp: ip,
        documentHash,
      },
    });
    await recordAudit(
      {
        actor,
        action: d.existing ? "bank.mandate_resigned" : "bank.mandate_signed",
        entityType: "DebitMandate",
        entityId: mandateId,
        customerId,
        ip,
        data: { reference: d.reference, last4: d.account.last4, documentHash },
      },
      tx,
    );
    return { mandateId, reference: d.reference, amended: d.existing !== null, documentHash };
  });
}
