// The tax classes staff choose from when they charge something (the default first).
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

export type ListTaxClassesOptions = { actor: Actor };

export async function listTaxClasses({ actor }: ListTaxClassesOptions) {
  assertCan(actor, "billing:charge");
  return db.taxClass.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}
