import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";

/** The signed PDF exactly as stored at signing; the customer themselves or staff who may read customers. */
export async function getContractPdf(opts: { actor: Actor; contractId: string }) {
  const contract = await db.contract.findUnique({
    where: { id: opts.contractId },
    select: { customerId: true, pdf: true, order: { select: { number: true } } },
  });
  if (!contract) throw notFound("Contract");
  assertCustomerAccess(opts.actor, contract.customerId, "customers:read");
  return {
    pdf: Buffer.from(contract.pdf),
    filename: `agreement-${contract.order?.number ?? opts.contractId}.pdf`,
  };
}
