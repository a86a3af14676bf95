import { apiOperation } from "@/lib/http/api-operation";
import { finalizeInvoiceOp } from "@/lib/http/openapi/invoices";
import { finalizeInvoice } from "@/lib/invoices/finalize-invoice";
import { serializeInvoice } from "@/lib/billing/serialize";

export const POST = apiOperation(finalizeInvoiceOp, async ({ actor, params }) =>
  serializeInvoice(await finalizeInvoice({ invoiceId: params.id, actor })),
);
