import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";

const body = z.object({
  amount: z.number().int().positive(),
  reason: z.string().trim().min(1).max(300),
});

export const POST = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => {
    const v = body.parse(await req.json());
    const note = await issueCreditNote({
      invoiceId: params.id,
      amount: v.amount,
      reason: v.reason,
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
  },
  { status: 201 },
);
