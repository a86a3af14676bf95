import { apiOperation } from "@/lib/http/api-operation";
import { getTaxReport as op } from "@/lib/http/openapi/reports";
import { getTaxReport } from "@/lib/reports/get-tax-report";

export const GET = apiOperation(op, ({ actor, query }) => getTaxReport({ actor, ...query }));
