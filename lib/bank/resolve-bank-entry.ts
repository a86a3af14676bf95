// The review queue's actions on a credit nothing matched: record it for a customer (applied
// oldest first, or split across chosen invoices), or mark it "not ours". One person at a time:
// the entry row is locked and must still be in review. Unmatched rail confirmations (Pix, M-PESA,
// CNAB 240) are entries too and resolve the same way.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { AppError, notFound } from "@/lib/errors";
import { fromDbDateOrNull } from "@/lib/time/dates";
import { parseMoneyInput } from "@/lib/money/parse-money";
import { bookRailEntryTx } from "@/lib/payments/rails/review/book-rail-entry-tx";
import { recordCreditTx } from "./book-entry-tx";

export const resolveEntrySchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("match"),
    customerId: z.string().min(1).max(64),
    /** One click on a suggestion: pay this invoice first (what is left stays as credit). */
    invoiceId: z.string().min(1).max(64).optional(),
    /** Split as typed by a person: one "<invoice number> <amount>" per line. */
    split: z.string().max(4000).optional(),
    allocations: z
      .array(
        z.object({ invoiceId: z.string().min(1).max(64), amount: z.number().int().positive() }),
      )
      .max(50)
      .optional(),
  }),
  z.object({ action: z.literal("not_ours") }),
]);

async function parseSplit(tx: Tx, customerId: string, text: string, currency: string) {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const rows = lines.map((l, i) => {
    const [number, amount] = l.split(/\s+/);
    return { number, amount: parseMoneyInput(amount ?? "", currency, `split.${i}`) };
  });
  const invoices = await tx.invoice.findMany({
    where: { customerId, number: { in: rows.map((r) => r.number) } },
    select: { id: true, number: true },
  });
  return rows.map((r, i) => {
    const inv = invoices.find((v) => v.number === r.number);
    if (!inv)
      throw new AppError("VALIDATION", `Invoice ${r.number} is not this customer's.`, {
        [`split.${i}`]: "unknown invoice",
      });
    return { invoiceId: inv.id, amount: r.amount };
  });
}

/** Chosen allocations, or the suggested invoice up to what is open on it. */
async function allocationsFor(
  tx: Tx,
  input: {
    customerId: string;
    invoiceId?: string;
    split?: string;
    allocations?: { invoiceId: string; amount: number }[];
  },
  amount: number,
  currency: string,
) {
  if (input.split) return parseSplit(tx, input.customerId, input.split, currency);
  if (input.allocations || !input.invoiceId) return input.allocations;
  const inv = await tx.invoice.findFirst({
    where: {
      id: input.invoiceId,
      customerId: input.customerId,
      status: { in: ["OPEN", "PARTIALLY_PAID"] },
    },
    select: { id: true, total: true, amountPaid: true, amountCredited: true },
  });
  if (!inv)
    throw new AppError("UNPROCESSABLE", "That invoice is no longer open.", {
      invoiceId: "not open",
    });
  return [
    {
      invoiceId: inv.id,
      amount: Math.min(amount, inv.total - inv.amountPaid - inv.amountCredited),
    },
  ];
}

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
      // The customer by id, or as typed by a person: account number or payment reference.
      const customer = await tx.customer.findFirst({
        where: {
          OR: [
            { id: parsed.customerId },
            { accountNumber: parsed.customerId },
            { paymentReference: parsed.customerId },
          ],
        },
        select: { id: true, currency: true },
      });
      if (!customer)
        throw new AppError("VALIDATION", "No customer with that account number.", {
          customerId: "not found",
        });
      parsed.customerId = customer.id;
      if (customer.currency !== e.currency)
        throw new AppError(
          "UNPROCESSABLE",
          `The entry is in ${e.currency}, the customer pays in ${customer.currency}.`,
        );
      const entry = {
        amount: e.amount,
        bookingDate: fromDbDateOrNull(e.bookingDate),
        bankRef: e.bankRef,
        reference: e.reference,
      };
      const target = {
        customerId: parsed.customerId,
        allocations: await allocationsFor(tx, parsed, e.amount, e.currency),
      };
      // A rail confirmation is booked as that rail's payment; a statement line as a transfer.
      paymentId =
        e.source === "STATEMENT"
          ? await recordCreditTx(tx, entry, target, await todayForIsp(tx), by)
          : await bookRailEntryTx(
              tx,
              { ...entry, source: e.source },
              target,
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
