// The stored PDF of a credit note (rendered on first request if its email has not done it yet).
// Customers see their own; staff need billing:read.
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { renderCreditNotePdf } from "./render-credit-note-pdf";

export type GetCreditNotePdfOptions = { creditNoteId: string; actor: Actor };

export async function getCreditNotePdf({
  creditNoteId,
  actor,
}: GetCreditNotePdfOptions): Promise<{ filename: string; pdf: Buffer }> {
  const note = await db.creditNote.findUnique({
    where: { id: creditNoteId },
    select: { id: true, customerId: true, number: true, pdf: true },
  });
  if (!note) throw notFound("Credit note");
  assertCustomerAccess(actor, note.customerId, "billing:read");
  const pdf = note.pdf ? Buffer.from(note.pdf) : await renderCreditNotePdf(note.id);
  return { filename: `${note.number}.pdf`, pdf };
}
