// The arrangement rules per customer class (defaults until staff save them).
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { CustomerClass } from "../get-dunning-policies";
import {
  arrangementPolicySchema,
  DEFAULT_ARRANGEMENT_POLICY,
  type ArrangementPolicy,
} from "./arrangement-schema";

export async function getArrangementPolicies(
  tx: Tx = db,
): Promise<Record<CustomerClass, ArrangementPolicy>> {
  const rows = await tx.arrangementPolicy.findMany();
  const of = (customerType: CustomerClass): ArrangementPolicy => {
    const row = rows.find((r) => r.customerType === customerType);
    if (!row) return { ...DEFAULT_ARRANGEMENT_POLICY, customerType };
    const { updatedAt: _, customerType: __, ...stored } = row;
    return { ...arrangementPolicySchema.parse(stored), customerType };
  };
  return { RESIDENTIAL: of("RESIDENTIAL"), BUSINESS: of("BUSINESS") };
}
