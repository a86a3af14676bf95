import { decideArrangement } from "@/lib/dunning/arrangements/decide-arrangement";
import { apiOperation } from "@/lib/http/api-operation";
import { rejectArrangementOp } from "@/lib/http/openapi/dunning";

export const POST = apiOperation(rejectArrangementOp, ({ actor, params, body }) =>
  decideArrangement({
    actor,
    customerId: params.id,
    arrangementId: params.arrangementId,
    decision: "reject",
    reason: body.reason,
  }),
);
