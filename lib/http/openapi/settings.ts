// The ISP's billing settings.
import { defineOperation } from "@/lib/http/define-operation";
import {
  billingSettingsPatchSchema,
  billingSettingsSchema,
} from "@/lib/settings/billing-settings-schema";

export const getBillingSettingsOp = defineOperation({
  method: "GET",
  path: "/settings",
  tag: "Settings",
  summary: "Billing settings",
  description:
    "`pricesIncludeTax` says whether plan prices include tax (a plan's own `taxBehavior` overrides it); `invoiceHoldHours` > 0 holds new invoices as drafts for review (finalise with POST /invoices/{id}/finalize); `suspensionBilling` is CONTINUE (bill through suspensions) or SKIP (credit suspended days).",
  roles: ["ADMIN", "ACCOUNTS", "SUPPORT"],
  responses: { 200: billingSettingsSchema },
});

export const patchBillingSettingsOp = defineOperation({
  method: "PATCH",
  path: "/settings",
  tag: "Settings",
  summary: "Change billing settings (settings:write)",
  description:
    "Only the fields given change. The currency can change only while no customer is billed in another one.",
  roles: ["ADMIN"],
  body: billingSettingsPatchSchema,
  responses: { 200: billingSettingsSchema },
});

export const settingsOperations = [getBillingSettingsOp, patchBillingSettingsOp];
