// What the payment-methods page shows about Pix Automático: whether the ISP offers it and the
// customer's latest authorisation (waiting for approval with its QR, active, or ended and why).
import "server-only";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { loadPix } from "../../load-rail";
import { pixAutomaticoOffered } from "./pix-automatico-offered";

export type GetPixAutomaticoOptions = { actor: Actor; customerId: string };

export async function getPixAutomatico(opts: GetPixAutomaticoOptions) {
  assertCustomerAccess(opts.actor, opts.customerId, "customers:read");
  const [pix, latest, customer] = await Promise.all([
    loadPix(),
    db.pixRecurrence.findFirst({
      where: { customerId: opts.customerId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        idRec: true,
        status: true,
        usable: true,
        periodicity: true,
        maxAmount: true,
        currency: true,
        copiaECola: true,
        endReason: true,
        createdAt: true,
        statusChangedAt: true,
      },
    }),
    db.customer.findUnique({ where: { id: opts.customerId }, select: { currency: true } }),
  ]);
  const offered = pixAutomaticoOffered(pix) && customer?.currency === "BRL";
  return { offered, latest };
}
