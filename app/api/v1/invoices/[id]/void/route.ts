import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { serializeInvoice } from "@/lib/billing/serialize";

const body = z.object({ reason: z.string().trim().min(1).max(300) });

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const v = body.parse(await req.json());
  return serializeInvoice(await voidInvoice({ invoiceId: params.id, reason: v.reason, actor }));
});
