import { apiOperation } from "@/lib/http/api-operation";
import { createRailChargeOp } from "@/lib/http/openapi/rails";
import { RAILS } from "@/lib/payments/rails/rail";
import { serializeRailCharge } from "@/lib/payments/rails/rail-charge-schema";

export const POST = apiOperation(createRailChargeOp, async ({ actor, params, body }) =>
  serializeRailCharge(
    await RAILS[body.rail].createCharge({ actor, invoiceId: params.id, phone: body.phone }),
  ),
);
