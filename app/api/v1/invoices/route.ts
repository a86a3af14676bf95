import { apiRoute } from "@/lib/http/api-route";
import { listInvoices } from "@/lib/invoices/list-invoices";

export const GET = apiRoute(async ({ req, actor }) =>
  listInvoices({ filter: Object.fromEntries(req.nextUrl.searchParams), actor }),
);
