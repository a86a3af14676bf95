import { proposeArrangement } from "@/lib/dunning/arrangements/propose-arrangement";
import { apiOperation } from "@/lib/http/api-operation";
import { proposeArrangementOp } from "@/lib/http/openapi/dunning";

export const POST = apiOperation(proposeArrangementOp, ({ actor, params, body }) =>
  proposeArrangement({ actor, customerId: params.id, ...body }),
);
