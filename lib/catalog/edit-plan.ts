// The API's partial edit of a plan or add-on: retire or reactivate it, rename it, describe it,
// reprice it. Subscriptions keep the price they locked in (Subscription.price), so a new price
// applies to new subscriptions (and plan changes onto it) only.
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { minorUnitDigits } from "@/lib/money/format-money";
import { getSettings } from "@/lib/settings/get-settings";
import { listProducts } from "./list-products";
import { serializePlan } from "./plan-api-schema";
import { toMinor } from "./product-schema";

export const planPatchSchema = z
  .object({
    name: z.string().trim().min(2).max(80),
    description: z.string().trim().max(400).nullable(),
    status: z.enum(["ACTIVE", "RETIRED"]),
    price: z.union([
      z.number().int().nonnegative().meta({ description: "Minor units" }),
      z
        .string()
        .trim()
        .regex(/^\d{1,9}([.,]\d{1,3})?$/, "An amount like 499.00"),
    ]),
    noticeDays: z.number().int().min(0).max(365),
  })
  .partial()
  .strict();
export type PlanPatch = z.input<typeof planPatchSchema>;

export type EditPlanOptions = { actor: Actor; id: string; input: PlanPatch };

export async function editPlan({ actor, id, input }: EditPlanOptions) {
  assertCan(actor, "catalog:write");
  const v = planPatchSchema.parse(input);
  await db.$transaction(async (tx) => {
    const before = await tx.product.findUnique({
      where: { id },
      select: { name: true, description: true, status: true, price: true, noticeDays: true },
    });
    if (!before) throw notFound("Plan");
    const settings = await getSettings(tx);
    const data = {
      ...v,
      description: v.description === undefined ? undefined : v.description || null,
      price:
        v.price === undefined ? undefined : toMinor(v.price, minorUnitDigits(settings.currency)),
    };
    const diff = Object.fromEntries(
      Object.entries(data)
        .filter(([k, to]) => to !== undefined && before[k as keyof typeof before] !== to)
        .map(([k, to]) => [k, { from: before[k as keyof typeof before], to }]),
    );
    if (!Object.keys(diff).length) return;
    await tx.product.update({ where: { id }, data });
    await recordAudit(
      { actor, action: "product.edit", entityType: "Product", entityId: id, data: diff },
      tx,
    );
  });
  const [plan] = await listProducts({ actor, id });
  return serializePlan(plan);
}
