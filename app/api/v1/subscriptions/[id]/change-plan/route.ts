import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { changePlan } from "@/lib/subscriptions/change-plan";
import { isIsoDate } from "@/lib/time/dates";

const body = z.object({
  productId: z.string().min(1),
  effectiveDate: z.string().refine(isIsoDate, "Use YYYY-MM-DD").optional(),
});

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const v = body.parse(await req.json());
  return changePlan({
    subscriptionId: params.id,
    toProductId: v.productId,
    effectiveDate: v.effectiveDate,
    actor,
  });
});
