import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { isIsoDate } from "@/lib/time/dates";

const body = z.object({
  mode: z.enum(["END_OF_PERIOD", "IMMEDIATE", "ON_DATE"]).default("END_OF_PERIOD"),
  date: z.string().refine(isIsoDate, "Use YYYY-MM-DD").optional(),
});

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const v = body.parse(await req.json().catch(() => ({})));
  return cancelSubscription({ subscriptionId: params.id, mode: v.mode, date: v.date, actor });
});
