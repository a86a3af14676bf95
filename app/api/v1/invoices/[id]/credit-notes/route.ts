import { apiOperation } from "@/lib/http/api-operation";
import { issueCreditNote as op } from "@/lib/http/openapi/invoices";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";

export const POST = apiOperation(op, async ({ actor, params, body }) => {
  const note = await issueCreditNote({
    invoiceId: params.id,
    amount: body.amount,
    reason: body.reason,
    actor,
  });
  return {
    id: note.id,
    number: note.number,
    invoiceId: note.invoiceId,
    netAmount: note.netAmount,
    taxAmount: note.taxAmount,
    total: note.total,
    currency: note.currency,
  };
});
