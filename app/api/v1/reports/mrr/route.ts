import { apiOperation } from "@/lib/http/api-operation";
import { getMrrReport as op } from "@/lib/http/openapi/reports";
import { getMrrReport } from "@/lib/reports/get-mrr-report";

export const GET = apiOperation(op, ({ actor, query }) => getMrrReport({ actor, ...query }));
