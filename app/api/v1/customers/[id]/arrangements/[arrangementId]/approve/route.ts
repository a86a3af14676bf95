import { decideArrangement } from "@/lib/dunning/arrangements/decide-arrangement";
import { apiOperation } from "@/lib/http/api-operation";
import { approveArrangementOp } from "@/lib/http/openapi/dunning";

export const POST = apiOperation(approveArrangementOp, ({ actor, params, body }) =>
  decideArrangement({
    actor,
    customerId: params.id,
    arrangementId: params.arrangementId,
    decision: "approve",
    reason: body.reason,
  }),
);
