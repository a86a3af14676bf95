import { apiOperation } from "@/lib/http/api-operation";
import { listPaymentMethodsOp } from "@/lib/http/openapi/payments";
import { listPaymentMethods } from "@/lib/payment-methods/list-payment-methods";

export const GET = apiOperation(listPaymentMethodsOp, async ({ actor, params }) => ({
  data: await listPaymentMethods({ actor, customerId: params.id }),
}));
