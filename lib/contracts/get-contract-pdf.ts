import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCustomerAccess, can, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import type { ContractContent } from "./contract-content";
import { renderContractPdf } from "./contract-pdf";
import { formatSignedAt } from "./format-signed-at";
import { MASKED_COPY_NOTICE, maskContractContent } from "./mask-contract";

/**
 * A signed agreement for the customer themselves or staff who may read customers. The customer
 * and staff who may see bank details (admin, accounts) get the PDF exactly as stored at signing,
 * the legal original; other staff (sales, support, technicians) a copy rendered from the same
 * content with ID, tax and bank details masked. Staff views are audited.
 */
export async function getContractPdf(opts: { actor: Actor; contractId: string }) {
  const contract = await db.contract.findUnique({
    where: { id: opts.contractId },
    select: {
      customerId: true,
      pdf: true,
      content: true,
      signerName: true,
      signatureImage: true,
      typedSignature: true,
      signedAt: true,
      signerIp: true,
      documentHash: true,
      order: { select: { number: true } },
      customer: { select: { accountNumber: true } },
    },
  });
  if (!contract) throw notFound("Contract");
  const { actor } = opts;
  assertCustomerAccess(actor, contract.customerId, "customers:read");
  const filename = `agreement-${contract.order?.number ?? opts.contractId}.pdf`;
  const own = actor.kind === "user" && actor.role === "CUSTOMER";
  const original = own || can(actor, "customers:read_bank_details");
  if (!own)
    await recordAudit({
      actor,
      action: "contract.view",
      entityType: "Contract",
      entityId: opts.contractId,
      customerId: contract.customerId,
      data: { masked: !original },
    });
  if (original) return { pdf: Buffer.from(contract.pdf), filename, masked: false };

  const settings = await getSettings();
  const mandate = await db.debitMandate.findFirst({
    where: { customerId: contract.customerId, signedAt: contract.signedAt },
    select: { mandateReference: true },
  });
  const pdf = await renderContractPdf(maskContractContent(contract.content as ContractContent), {
    signerName: contract.signerName,
    signatureImage: contract.signatureImage,
    typedSignature: contract.typedSignature,
    signedAtLabel: formatSignedAt(contract.signedAt, settings),
    signedAtIso: contract.signedAt.toISOString(),
    ip: contract.signerIp,
    orderNumber: contract.order?.number ?? "",
    accountNumber: contract.customer.accountNumber,
    mandateReference: mandate?.mandateReference ?? null,
    documentHash: contract.documentHash,
    brandColor: settings.brandColor,
    copyNotice: MASKED_COPY_NOTICE,
  });
  return { pdf, filename: filename.replace(/\.pdf$/, "-masked.pdf"), masked: true };
}
