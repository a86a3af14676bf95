import { apiOperation } from "@/lib/http/api-operation";
import { getInvoice as op } from "@/lib/http/openapi/invoices";
import { getInvoice } from "@/lib/invoices/get-invoice";

export const GET = apiOperation(op, ({ actor, params }) =>
  getInvoice({ invoiceId: params.id, actor }),
);
