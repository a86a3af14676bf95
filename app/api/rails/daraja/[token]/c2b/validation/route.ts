import { apiOperation } from "@/lib/http/api-operation";
import { darajaC2bValidationOp } from "@/lib/http/openapi/rails";
import { validateC2b } from "@/lib/payments/rails/mpesa/handle-c2b";

export const POST = apiOperation(darajaC2bValidationOp, ({ params, body }) =>
  validateC2b({ token: params.token, request: body }),
);
