import { apiOperation } from "@/lib/http/api-operation";
import { darajaReversalResultOp } from "@/lib/http/openapi/rails";
import { handleReversalResult } from "@/lib/payments/rails/refunds/handle-reversal-result";

export const POST = apiOperation(darajaReversalResultOp, ({ params, body }) =>
  handleReversalResult({ token: params.token, body }),
);
