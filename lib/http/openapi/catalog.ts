// Tax classes and plans: what an integrator needs before the first subscription.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import {
  AddonCharge,
  BillingInterval,
  ProductKind,
  Technology,
} from "@/lib/generated/prisma/enums";
import { minor } from "./common";
import { planSchema } from "@/lib/catalog/plan-api-schema";
import { productInputSchema } from "@/lib/catalog/product-schema";
import { planPatchSchema } from "@/lib/catalog/edit-plan";
import { taxClassInputSchema, taxClassSchema } from "@/lib/tax-classes/tax-class-schema";

const id = z.object({ id: z.string().min(1).max(40) });

/** A plan or add-on as the storefront and the feasibility check show it. */
export const PublicProduct = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    kind: z.enum(ProductKind),
    technology: z.enum(Technology).nullable(),
    downloadMbps: z.int().nullable(),
    uploadMbps: z.int().nullable(),
    dataCapGb: z.int().nullable().meta({ description: "Null means uncapped" }),
    fairUseNote: z.string().nullable(),
    price: minor("Price per interval, minor units"),
    interval: z.enum(BillingInterval),
    setupFee: minor(),
    contractMonths: z.int(),
    earlyTerminationPercent: z.int(),
    addonCharge: z.enum(AddonCharge),
  })
  .meta({ id: "PublicProduct" });

export const listTaxClassesOp = defineOperation({
  method: "GET",
  path: "/tax-classes",
  tag: "Catalogue",
  summary: "Tax classes (the default first)",
  roles: ["ADMIN", "SALES", "ACCOUNTS", "SUPPORT"],
  responses: { 200: z.object({ data: z.array(taxClassSchema) }) },
});

export const createTaxClassOp = defineOperation({
  method: "POST",
  path: "/tax-classes",
  tag: "Catalogue",
  summary: "Create a tax class (settings:write)",
  description:
    'Give the rate as a percentage string (`rate: "15"`) or in basis points (`rateBasisPoints: 1500`). `isDefault: true` moves the default flag to this class.',
  roles: ["ADMIN"],
  body: taxClassInputSchema,
  responses: { 201: taxClassSchema },
});

export const listPlansOp = defineOperation({
  method: "GET",
  path: "/plans",
  tag: "Catalogue",
  summary: "Plans and add-ons (catalog:write)",
  roles: ["ADMIN", "SALES"],
  query: z.object({
    kind: z.enum(["PLAN", "ADDON"]).optional(),
    status: z.enum(["ACTIVE", "RETIRED"]).optional(),
  }),
  responses: { 200: z.object({ data: z.array(planSchema) }) },
});

export const createPlanOp = defineOperation({
  method: "POST",
  path: "/plans",
  tag: "Catalogue",
  summary: "Create a plan or add-on (catalog:write)",
  description:
    "`price` and `setupFee` are minor units (integers) or decimal strings in major units. `taxClassId` comes from GET /tax-classes. `taxBehavior` (`inclusive` or `exclusive`) overrides the ISP's `pricesIncludeTax` for this plan; `noticeDays` is the notice a period-end cancellation needs.",
  roles: ["ADMIN", "SALES"],
  body: productInputSchema,
  responses: { 201: planSchema },
});

export const patchPlanOp = defineOperation({
  method: "PATCH",
  path: "/plans/{id}",
  tag: "Catalogue",
  summary: "Edit a plan: retire or reactivate, rename, describe, reprice (catalog:write)",
  description:
    "Subscriptions keep the price they locked in: a new price applies to new subscriptions and plan changes onto this plan only. `status: RETIRED` stops selling it; its subscriptions keep running.",
  roles: ["ADMIN", "SALES"],
  params: id,
  body: planPatchSchema,
  responses: { 200: planSchema },
});

export const catalogOperations = [
  listTaxClassesOp,
  createTaxClassOp,
  listPlansOp,
  createPlanOp,
  patchPlanOp,
];
