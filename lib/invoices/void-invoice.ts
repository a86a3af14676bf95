// Voiding cancels a finalised invoice nobody has paid or credited (Stripe's void): it keeps its
// number (no gap) and a reversing ledger entry takes its amount off the customer's balance.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { toDbDate } from "@/lib/time/dates";
import { todayForIsp } from "@/lib/billing/billing-settings";

export const voidInvoiceSchema = z.object({
  invoiceId: z.string().min(1),
  reason: z.string().trim().min(1, "Give a reason").max(300),
});
export type VoidInvoiceOptions = { actor: Actor } & z.input<typeof voidInvoiceSchema>;

export async function voidInvoice(opts: VoidInvoiceOptions) {
  assertCan(opts.actor, "billing:charge");
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "Invoice" WHERE id = $1 FOR UPDATE`,
      opts.invoiceId,
    );
    if (!locked) throw notFound("Invoice");
    const inv = await tx.invoice.findUniqueOrThrow({ where: { id: opts.invoiceId } });
    if (inv.status !== "OPEN" || inv.amountPaid > 0 || inv.amountCredited > 0) {
      throw new AppError(
        "CONFLICT",
        "Only an open invoice with no payments or credit notes can be voided; issue a credit note instead.",
      );
    }
    const updated = await tx.invoice.update({
      where: { id: inv.id },
      data: { status: "VOID", voidedAt: now() },
    });
    await tx.ledgerEntry.create({
      data: {
        customerId: inv.customerId,
        kind: "ADJUSTMENT",
        sourceKey: `invoice_void:${inv.id}`,
        amount: -inv.total,
        currency: inv.currency,
        description: `Invoice ${inv.number} voided: ${opts.reason}`,
        effectiveDate: toDbDate(await todayForIsp(tx)),
        invoiceId: inv.id,
        createdById: opts.actor.kind === "system" ? null : opts.actor.id,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "billing.invoice_void",
        entityType: "Invoice",
        entityId: inv.id,
        customerId: inv.customerId,
        data: { number: inv.number, reason: opts.reason },
      },
      tx,
    );
    return updated;
  });
}
