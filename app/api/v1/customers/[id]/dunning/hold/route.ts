import { holdDunning } from "@/lib/dunning/hold-dunning";
import { apiOperation } from "@/lib/http/api-operation";
import { holdDunningOp } from "@/lib/http/openapi/dunning";

export const POST = apiOperation(holdDunningOp, ({ actor, params, body }) =>
  holdDunning({ actor, customerId: params.id, ...body }),
);
