import { apiOperation } from "@/lib/http/api-operation";
import { createPayLinkOp } from "@/lib/http/openapi/payments";
import { createPayLink } from "@/lib/payments/create-pay-link";

export const POST = apiOperation(createPayLinkOp, ({ actor, params, body }) =>
  createPayLink({ actor, invoiceId: params.id, days: body.days }),
);
