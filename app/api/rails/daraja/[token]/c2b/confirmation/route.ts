import { apiOperation } from "@/lib/http/api-operation";
import { darajaC2bConfirmationOp } from "@/lib/http/openapi/rails";
import { confirmC2b } from "@/lib/payments/rails/mpesa/handle-c2b";

export const POST = apiOperation(darajaC2bConfirmationOp, ({ params, body }) =>
  confirmC2b({ token: params.token, request: body }),
);
