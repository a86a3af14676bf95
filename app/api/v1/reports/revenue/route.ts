import { apiOperation } from "@/lib/http/api-operation";
import { getRevenueReport as op } from "@/lib/http/openapi/reports";
import { getRevenueReport } from "@/lib/reports/get-revenue-report";

export const GET = apiOperation(op, ({ actor, query }) => getRevenueReport({ actor, ...query }));
