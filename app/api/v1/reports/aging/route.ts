import { apiOperation } from "@/lib/http/api-operation";
import { getAgingReport as op } from "@/lib/http/openapi/reports";
import { getAgingReport } from "@/lib/reports/get-aging-report";

export const GET = apiOperation(op, ({ actor, query }) => getAgingReport({ actor, ...query }));
