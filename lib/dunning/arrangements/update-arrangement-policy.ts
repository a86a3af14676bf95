// Staff edit the arrangement rules of one customer class (beside the dunning policy). Audited
// with before and after.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { CustomerClass } from "../get-dunning-policies";
import { arrangementPolicySchema, type ArrangementPolicyInput } from "./arrangement-schema";
import { getArrangementPolicies } from "./get-arrangement-policies";

export type UpdateArrangementPolicyOptions = {
  actor: Actor;
  customerType: CustomerClass;
  policy: ArrangementPolicyInput;
};

export async function updateArrangementPolicy(opts: UpdateArrangementPolicyOptions) {
  assertCan(opts.actor, "settings:write");
  const parsed = arrangementPolicySchema.safeParse(opts.policy);
  if (!parsed.success)
    throw new AppError(
      "VALIDATION",
      parsed.error.issues[0]?.message ?? "Invalid arrangement rules",
      Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])),
    );
  return db.$transaction(async (tx) => {
    const before = (await getArrangementPolicies(tx))[opts.customerType];
    await tx.arrangementPolicy.upsert({
      where: { customerType: opts.customerType },
      create: { customerType: opts.customerType, ...parsed.data },
      update: parsed.data,
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "dunning.arrangement_policy_update",
        entityType: "ArrangementPolicy",
        entityId: opts.customerType,
        data: { before, after: parsed.data },
      },
      tx,
    );
    return { ...parsed.data, customerType: opts.customerType };
  });
}
