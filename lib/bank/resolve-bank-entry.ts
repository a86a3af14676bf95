// The review queue's actions on a credit nothing matched: record it for a customer (applied
// oldest first, or split across chosen invoices), or mark it "not ours". One person at a time:
// the entry row is locked and must still be in review.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { AppError, notFound } from "@/lib/errors";
import { fromDbDateOrNull } from "@/lib/time/dates";
import { recordCreditTx } from "./book-entry-tx";

export const resolveEntrySchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("match"),
    customerId: z.string().min(1).max(64),
    allocations: z
      .array(
        z.object({ invoiceId: z.string().min(1).max(64), amount: z.number().int().positive() }),
      )
      .max(50)
      .optional(),
  }),
  z.object({ action: z.literal("not_ours") }),
]);

export type ResolveBankEntryOptions = { actor: Actor; entryId: string } & z.infer<
  typeof resolveEntrySchema
>;

export async function resolveBankEntry({ actor, entryId, ...input }: ResolveBankEntryOptions) {
  assertCan(actor, "payments:write");
  const parsed = resolveEntrySchema.parse(input);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "BankEntry" WHERE id = $1 FOR UPDATE`,
      entryId,
    );
    if (!locked) throw notFound("Bank entry");
    const e = await tx.bankEntry.findUniqueOrThrow({ where: { id: entryId } });
    if (e.status !== "REVIEW") throw new AppError("CONFLICT", "This entry was already dealt with.");
    const by = actor.kind === "system" ? null : actor.id;
    let paymentId: string | null = null;
    if (parsed.action === "match") {
      const customer = await tx.customer.findUnique({
        where: { id: parsed.customerId },
        select: { currency: true },
      });
      if (!customer)
        throw new AppError("VALIDATION", "Choose a customer.", { customerId: "not found" });
      if (customer.currency !== e.currency)
        throw new AppError(
          "UNPROCESSABLE",
          `The entry is in ${e.currency}, the customer pays in ${customer.currency}.`,
        );
      paymentId = await recordCreditTx(
        tx,
        {
          amount: e.amount,
          bookingDate: fromDbDateOrNull(e.bookingDate),
          bankRef: e.bankRef,
          reference: e.reference,
        },
        { customerId: parsed.customerId, allocations: parsed.allocations },
        await todayForIsp(tx),
        by,
      );
    }
    const updated = await tx.bankEntry.update({
      where: { id: e.id },
      data: {
        status: parsed.action === "match" ? "MATCHED" : "NOT_OURS",
        matchedBy: parsed.action === "match" ? "MANUAL" : null,
        customerId: parsed.action === "match" ? parsed.customerId : null,
        paymentId,
        resolvedById: by,
      },
    });
    await recordAudit(
      {
        actor,
        action: parsed.action === "match" ? "bank.entry_match" : "bank.entry_not_ours",
        entityType: "BankEntry",
        entityId: e.id,
        customerId: parsed.action === "match" ? parsed.customerId : undefined,
        data: { amount: e.amount, paymentId },
      },
      tx,
    );
    return { id: updated.id, status: updated.status, paymentId };
  });
}
