import { apiOperation } from "@/lib/http/api-operation";
import { voidInvoice as op } from "@/lib/http/openapi/invoices";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { serializeInvoice } from "@/lib/billing/serialize";

export const POST = apiOperation(op, async ({ actor, params, body }) =>
  serializeInvoice(await voidInvoice({ invoiceId: params.id, reason: body.reason, actor })),
);
