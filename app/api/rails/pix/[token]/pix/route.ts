import { apiOperation } from "@/lib/http/api-operation";
import { pixWebhookOp } from "@/lib/http/openapi/rails";
import { handlePixWebhook } from "@/lib/payments/rails/pix/handle-pix-webhook";

export const POST = apiOperation(pixWebhookOp, async ({ params, body }) => {
  await handlePixWebhook({ token: params.token, body });
  return { received: body.pix.length };
});
