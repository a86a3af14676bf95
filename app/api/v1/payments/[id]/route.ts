import { apiOperation } from "@/lib/http/api-operation";
import { getPaymentOp } from "@/lib/http/openapi/payments";
import { getPayment } from "@/lib/payments/get-payment";

export const GET = apiOperation(getPaymentOp, ({ actor, params }) =>
  getPayment({ actor, paymentId: params.id }),
);
