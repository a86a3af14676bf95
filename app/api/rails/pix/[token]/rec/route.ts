import { apiOperation } from "@/lib/http/api-operation";
import { pixRecWebhookOp } from "@/lib/http/openapi/rails";
import { handleRecWebhook } from "@/lib/payments/rails/pix/automatico/handle-recurrence-webhooks";

export const POST = apiOperation(pixRecWebhookOp, async ({ params, body }) => {
  await handleRecWebhook({ token: params.token, body });
  return { received: body.recs.length };
});
