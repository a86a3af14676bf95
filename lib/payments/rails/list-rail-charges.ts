// Pix and M-PESA charges for staff, newest first, with the customer and invoice they were for.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { PaymentRail } from "@/lib/generated/prisma/enums";

export type ListRailChargesOptions = {
  actor: Actor;
  rail?: PaymentRail;
  invoiceId?: string;
  take?: number;
};

export async function listRailCharges(opts: ListRailChargesOptions) {
  assertCan(opts.actor, "payments:read");
  return db.railCharge.findMany({
    where: { rail: opts.rail, invoiceId: opts.invoiceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take ?? 100,
    include: {
      customer: { select: { accountNumber: true, firstName: true, lastName: true } },
      invoice: { select: { number: true } },
      payment: { select: { number: true } },
    },
  });
}
