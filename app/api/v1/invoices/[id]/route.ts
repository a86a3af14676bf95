import { apiRoute } from "@/lib/http/api-route";
import { getInvoice } from "@/lib/invoices/get-invoice";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  getInvoice({ invoiceId: params.id, actor }),
);
