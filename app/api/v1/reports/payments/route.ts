import { apiOperation } from "@/lib/http/api-operation";
import { getPaymentsReport as op } from "@/lib/http/openapi/reports";
import { getPaymentsReport } from "@/lib/reports/get-payments-report";

export const GET = apiOperation(op, ({ actor, query }) => getPaymentsReport({ actor, ...query }));
