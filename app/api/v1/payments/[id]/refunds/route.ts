import { apiOperation } from "@/lib/http/api-operation";
import { refundPaymentOp } from "@/lib/http/openapi/payments";
import { createRefund } from "@/lib/payments/create-refund";

export const POST = apiOperation(refundPaymentOp, ({ actor, params, body }) =>
  createRefund({ actor, paymentId: params.id, ...body }),
);
