// The review queue: credits nothing matched, oldest first, each with its suggestions resolved to
// customer names and invoice numbers so a person can match with one click. Rail confirmations
// nothing matched (no file) are listed with the rail they came from.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { fromDbDateOrNull } from "@/lib/time/dates";
import type { Candidate } from "./match-index";

const RAIL_ORIGIN: Record<string, string> = {
  PIX: "Pix confirmation",
  MPESA: "M-PESA confirmation",
  CNAB: "CNAB 240 return",
};

export type ListReviewEntriesOptions = { actor: Actor; limit?: number };

export async function listReviewEntries({ actor, limit = 200 }: ListReviewEntriesOptions) {
  assertCan(actor, "payments:read");
  const entries = await db.bankEntry.findMany({
    where: { status: "REVIEW" },
    orderBy: { createdAt: "asc" },
    take: limit,
    include: { file: { select: { fileName: true } } },
  });
  const suggestions = entries.flatMap((e) => e.suggestions as Candidate[]);
  const customers = await db.customer.findMany({
    where: { id: { in: [...new Set(suggestions.map((s) => s.customerId))] } },
    select: { id: true, accountNumber: true, firstName: true, lastName: true, companyName: true },
  });
  const invoices = await db.invoice.findMany({
    where: { id: { in: suggestions.map((s) => s.invoiceId).filter((i): i is string => !!i) } },
    select: { id: true, number: true, total: true, amountPaid: true, amountCredited: true },
  });
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const invoiceById = new Map(invoices.map((i) => [i.id, i]));
  return entries.map((e) => ({
    id: e.id,
    source: e.source,
    /** The statement file, or for a rail confirmation the rail it came from. */
    fileName: e.file?.fileName ?? RAIL_ORIGIN[e.source] ?? e.source,
    amount: e.amount,
    currency: e.currency,
    bookingDate: fromDbDateOrNull(e.bookingDate),
    reference: e.reference,
    name: e.name,
    suggestions: (e.suggestions as Candidate[]).flatMap((s) => {
      const c = customerById.get(s.customerId);
      if (!c) return [];
      const inv = s.invoiceId ? invoiceById.get(s.invoiceId) : undefined;
      return [
        {
          customerId: c.id,
          customer: c.companyName ?? `${c.lastName}, ${c.firstName}`,
          accountNumber: c.accountNumber,
          invoiceId: inv?.id ?? null,
          invoiceNumber: inv?.number ?? null,
          invoiceOpen: inv ? inv.total - inv.amountPaid - inv.amountCredited : null,
          why: s.why,
        },
      ];
    }),
  }));
}
