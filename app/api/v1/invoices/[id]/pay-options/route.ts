import { apiOperation } from "@/lib/http/api-operation";
import { getPayOptionsOp } from "@/lib/http/openapi/rails";
import { getPayOptions } from "@/lib/payments/rails/get-pay-options";

export const GET = apiOperation(getPayOptionsOp, ({ actor, params }) =>
  getPayOptions({ actor, invoiceId: params.id }),
);
