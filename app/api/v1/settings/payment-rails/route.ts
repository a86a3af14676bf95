import { apiOperation } from "@/lib/http/api-operation";
import { getPaymentRailsOp, patchPaymentRailsOp } from "@/lib/http/openapi/rails";
import { getRailSettings } from "@/lib/payments/rails/get-rail-settings";
import { updateRailSettings } from "@/lib/payments/rails/update-rail-settings";

export const GET = apiOperation(getPaymentRailsOp, ({ actor }) => getRailSettings({ actor }));

export const PATCH = apiOperation(patchPaymentRailsOp, ({ actor, body }) =>
  updateRailSettings({ actor, input: body }),
);
