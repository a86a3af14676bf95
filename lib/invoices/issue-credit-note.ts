// Credit notes are the only correction of a finalised invoice (money rule 4). The credits on one
// invoice never exceed its total (Stripe: a credit note cannot exceed the invoice's remaining
// creditable amount); the DB check amountPaid + amountCredited ≤ total backs this up. Crediting
// a paid invoice releases that much of its payment to the customer's credit balance (Stripe's
// post-payment credit note "credit to customer balance"). Tax is credited in proportion to the
// invoice's tax, rounded half-up; the number comes from the CREDIT_NOTE series in this transaction.
// The customer is emailed the credit note's PDF (queued in the same transaction).
import "server-only";
import Decimal from "decimal.js";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { parseMoneyInput } from "@/lib/money/parse-money";
import { getSettings } from "@/lib/settings/get-settings";
import { roundHalfUp } from "@/lib/money/round";
import { now } from "@/lib/time/clock";
import { toDbDate } from "@/lib/time/dates";
import { takeDocumentNumbers } from "./finalize-invoices-tx";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { releaseAllocations } from "@/lib/payments/release-allocations";
import { settlementStatus } from "./settlement-status";
import { queueCreditNoteEmail } from "./credit-note-email";
import { notificationQueued } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";

/** The admin form: the amount as staff type it, in the invoice's currency. */
export const issueCreditNoteSchema = z.object({
  invoiceId: z.string().min(1),
  amount: z.string().trim().min(1, "Enter an amount"),
  reason: z.string().trim().min(1, "Give a reason").max(300),
});

export type IssueCreditNoteOptions = {
  invoiceId: string;
  /** Minor units (API), or a decimal amount typed in the invoice's currency ("150.00"). */
  amount: number | string;
  reason: string;
  actor: Actor;
};

export async function issueCreditNote({ amount: typed, ...opts }: IssueCreditNoteOptions) {
  assertCan(opts.actor, "billing:charge");
  if (typeof typed === "number" && (!Number.isSafeInteger(typed) || typed <= 0))
    throw new AppError("VALIDATION", "Credit a positive amount in minor units.", {
      amount: "invalid",
    });
  if (!opts.reason.trim())
    throw new AppError("VALIDATION", "Give a reason.", { reason: "required" });
  const { note, notificationId } = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "Invoice" WHERE id = $1 FOR UPDATE`,
      opts.invoiceId,
    );
    if (!locked) throw notFound("Invoice");
    const inv = await tx.invoice.findUniqueOrThrow({ where: { id: opts.invoiceId } });
    if (inv.status === "DRAFT" || inv.status === "VOID")
      throw new AppError("CONFLICT", "Only a finalised invoice can be credited.");
    const amount = typeof typed === "string" ? parseMoneyInput(typed, inv.currency) : typed;
    if (amount <= 0)
      throw new AppError("VALIDATION", "Credit a positive amount.", { amount: "More than zero" });
    const creditable = inv.total - inv.amountCredited;
    if (amount > creditable) {
      const { locale } = await getSettings(tx);
      const most = formatMoney(creditable, inv.currency, locale);
      throw new AppError(
        "UNPROCESSABLE",
        `At most ${most} can still be credited on this invoice.`,
        {
          amount: `At most ${most}`,
        },
      );
    }
    const taxAmount =
      inv.total === 0 ? 0 : roundHalfUp(new Decimal(amount).mul(inv.taxTotal).div(inv.total));
    const [number] = await takeDocumentNumbers(tx, "CREDIT_NOTE", 1);
    const note = await tx.creditNote.create({
      data: {
        number,
        invoiceId: inv.id,
        customerId: inv.customerId,
        currency: inv.currency,
        netAmount: amount - taxAmount,
        taxAmount,
        total: amount,
        reason: opts.reason,
        createdById: opts.actor.kind === "system" ? null : opts.actor.id,
        issuedAt: now(),
      },
    });
    // Paid money beyond what is still owed goes back to the customer's balance.
    const overPaid = inv.amountPaid + inv.amountCredited + amount - inv.total;
    const amountPaid =
      overPaid > 0
        ? inv.amountPaid - (await releaseAllocations(tx, inv.id, overPaid))
        : inv.amountPaid;
    const amountCredited = inv.amountCredited + amount;
    await tx.invoice.update({
      where: { id: inv.id },
      data: {
        amountPaid,
        amountCredited,
        status: settlementStatus({ ...inv, amountPaid, amountCredited }),
      },
    });
    await tx.ledgerEntry.create({
      data: {
        customerId: inv.customerId,
        kind: "CREDIT_NOTE",
        sourceKey: `credit_note:${note.id}`,
        amount: -amount,
        currency: inv.currency,
        description: `Credit note ${note.number} for ${inv.number}`,
        effectiveDate: toDbDate(await todayForIsp(tx)),
        creditNoteId: note.id,
        invoiceId: inv.id,
        createdById: note.createdById,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "billing.credit_note",
        entityType: "CreditNote",
        entityId: note.id,
        customerId: inv.customerId,
        data: { invoice: inv.number, amount, reason: opts.reason },
      },
      tx,
    );
    // The customer hears about it with the PDF (outbox: commits with the credit note).
    const mail = await queueCreditNoteEmail(tx, note, inv.number ?? "");
    return { note, notificationId: mail.id };
  });
  await publish(notificationQueued.create({ notificationId }));
  return note;
}
