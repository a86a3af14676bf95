// A new tax class (a rate plans and one-off charges are taxed at). Making it the default moves
// the flag in the same transaction, so there is always at most one default.
import Decimal from "decimal.js";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { serializeTaxClass, taxClassInputSchema, type TaxClassInput } from "./tax-class-schema";

export type CreateTaxClassOptions = { actor: Actor; input: TaxClassInput };

const codeFrom = (name: string) =>
  name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 30) || "TAX";

export async function createTaxClass({ actor, input }: CreateTaxClassOptions) {
  assertCan(actor, "settings:write");
  const v = taxClassInputSchema.parse(input);
  const rate =
    v.rate !== undefined ? new Decimal(v.rate) : new Decimal(v.rateBasisPoints!).div(100);
  return db.$transaction(async (tx) => {
    const base = v.code ?? codeFrom(v.name);
    let code = base;
    for (let n = 2; await tx.taxClass.findUnique({ where: { code }, select: { id: true } }); n++) {
      if (v.code)
        throw new AppError("CONFLICT", "That code is already used.", { code: "already used" });
      code = `${base.slice(0, 26)}_${n}`;
    }
    if (v.isDefault) await tx.taxClass.updateMany({ data: { isDefault: false } });
    const created = await tx.taxClass.create({
      data: { code, name: v.name, rate: rate.toFixed(4), isDefault: v.isDefault },
    });
    await recordAudit(
      {
        actor,
        action: "tax_class.create",
        entityType: "TaxClass",
        entityId: created.id,
        data: { code, name: v.name, rate: rate.toString(), isDefault: v.isDefault },
      },
      tx,
    );
    return serializeTaxClass(created);
  });
}
