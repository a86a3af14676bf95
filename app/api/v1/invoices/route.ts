import { apiOperation } from "@/lib/http/api-operation";
import { listInvoices as op } from "@/lib/http/openapi/invoices";
import { listInvoices } from "@/lib/invoices/list-invoices";

export const GET = apiOperation(op, ({ actor, query }) => listInvoices({ filter: query, actor }));
