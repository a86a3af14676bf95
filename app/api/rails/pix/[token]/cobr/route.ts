import { apiOperation } from "@/lib/http/api-operation";
import { pixCobrWebhookOp } from "@/lib/http/openapi/rails";
import { handleCobrWebhook } from "@/lib/payments/rails/pix/automatico/handle-recurrence-webhooks";

export const POST = apiOperation(pixCobrWebhookOp, async ({ params, body }) => {
  await handleCobrWebhook({ token: params.token, body });
  return { received: body.cobsr.length };
});
