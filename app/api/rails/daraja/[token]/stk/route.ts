import { apiOperation } from "@/lib/http/api-operation";
import { darajaStkCallbackOp } from "@/lib/http/openapi/rails";
import { handleStkCallback } from "@/lib/payments/rails/mpesa/handle-stk-callback";

export const POST = apiOperation(darajaStkCallbackOp, ({ params, body }) =>
  handleStkCallback({ token: params.token, callback: body.Body.stkCallback }),
);
