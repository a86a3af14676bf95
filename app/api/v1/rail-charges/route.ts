import { apiOperation } from "@/lib/http/api-operation";
import { listRailChargesOp } from "@/lib/http/openapi/rails";
import { listRailCharges } from "@/lib/payments/rails/list-rail-charges";
import { serializeRailCharge } from "@/lib/payments/rails/rail-charge-schema";

export const GET = apiOperation(listRailChargesOp, async ({ actor, query }) => ({
  data: (await listRailCharges({ actor, ...query })).map(serializeRailCharge),
}));
