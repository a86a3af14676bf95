import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";

/** Signed agreements on a customer (no PDF bytes: those come from getContractPdf). */
export async function listCustomerContracts(opts: { actor: Actor; customerId: string }) {
  assertCustomerAccess(opts.actor, opts.customerId, "customers:read");
  return db.contract.findMany({
    where: { customerId: opts.customerId },
    orderBy: { signedAt: "desc" },
    select: {
      id: true,
      signerName: true,
      signedAt: true,
      documentHash: true,
      order: { select: { number: true } },
      template: { select: { title: true, version: true } },
    },
  });
}
