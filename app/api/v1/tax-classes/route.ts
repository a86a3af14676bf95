import { apiOperation } from "@/lib/http/api-operation";
import { createTaxClassOp, listTaxClassesOp } from "@/lib/http/openapi/catalog";
import { createTaxClass } from "@/lib/tax-classes/create-tax-class";
import { listTaxClasses } from "@/lib/tax-classes/list-tax-classes";

export const GET = apiOperation(listTaxClassesOp, async ({ actor }) => ({
  data: await listTaxClasses({ actor }),
}));

export const POST = apiOperation(createTaxClassOp, ({ actor, body }) =>
  createTaxClass({ actor, input: body }),
);
