import { forecastDunning } from "@/lib/dunning/forecast-dunning";
import { apiOperation } from "@/lib/http/api-operation";
import { forecastDunningOp } from "@/lib/http/openapi/dunning";

export const GET = apiOperation(forecastDunningOp, async ({ actor, query }) => ({
  data: await forecastDunning({ actor, days: query.days }),
}));
