import { apiOperation } from "@/lib/http/api-operation";
import { reversePaymentOp } from "@/lib/http/openapi/payments";
import { reversePayment } from "@/lib/payments/reverse-payment";

export const POST = apiOperation(reversePaymentOp, ({ actor, params, body }) =>
  reversePayment({ actor, paymentId: params.id, reason: body.reason }),
);
