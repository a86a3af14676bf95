import { apiOperation } from "@/lib/http/api-operation";
import { getBillingSettingsOp, patchBillingSettingsOp } from "@/lib/http/openapi/settings";
import { getIspBillingSettings } from "@/lib/settings/get-isp-billing-settings";
import { updateIspBillingSettings } from "@/lib/settings/update-isp-billing-settings";

export const GET = apiOperation(getBillingSettingsOp, ({ actor }) =>
  getIspBillingSettings({ actor }),
);

export const PATCH = apiOperation(patchBillingSettingsOp, ({ actor, body }) =>
  updateIspBillingSettings({ actor, input: body }),
);
