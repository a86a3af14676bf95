// A customer's credit notes, newest first, with the invoice each corrects: for the portal and the
// customer's billing page.
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { dateInZone } from "@/lib/time/dates";
import { getSettings } from "@/lib/settings/get-settings";

export type ListCreditNotesOptions = { actor: Actor; customerId: string; invoiceId?: string };

export async function listCreditNotes({ actor, customerId, invoiceId }: ListCreditNotesOptions) {
  assertCustomerAccess(actor, customerId, "billing:read");
  const [notes, { timeZone }] = await Promise.all([
    db.creditNote.findMany({
      where: { customerId, ...(invoiceId ? { invoiceId } : {}) },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: {
        id: true,
        number: true,
        invoiceId: true,
        invoice: { select: { number: true } },
        currency: true,
        netAmount: true,
        taxAmount: true,
        total: true,
        reason: true,
        issuedAt: true,
      },
    }),
    getSettings(),
  ]);
  return notes.map(({ invoice, issuedAt, ...n }) => ({
    ...n,
    invoiceNumber: invoice.number,
    issueDate: dateInZone(issuedAt, timeZone),
  }));
}
