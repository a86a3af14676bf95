import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/auth/roles";
import { serializeTaxClass } from "./tax-class-schema";

export type ListTaxClassesOptions = { actor: Actor };

/** Every tax class, the default first: for the catalogue, one-off charges and billing staff. */
export async function listTaxClasses({ actor }: ListTaxClassesOptions) {
  if (!can(actor, "catalog:write") && !can(actor, "billing:read"))
    throw new AppError("FORBIDDEN", "Your role may not do this (catalog:write or billing:read).");
  const rows = await db.taxClass.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }] });
  return rows.map(serializeTaxClass);
}
