// Staff edit the ladder of one customer class (admin settings). Audited with before and after.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { getDunningPolicies, type CustomerClass } from "./get-dunning-policies";
import { dunningPolicySchema, type DunningPolicyInput } from "./policy-schema";

export type UpdateDunningPolicyOptions = {
  actor: Actor;
  customerType: CustomerClass;
  policy: DunningPolicyInput;
};

export async function updateDunningPolicy(opts: UpdateDunningPolicyOptions) {
  assertCan(opts.actor, "settings:write");
  const parsed = dunningPolicySchema.safeParse(opts.policy);
  if (!parsed.success)
    throw new AppError(
      "VALIDATION",
      parsed.error.issues[0]?.message ?? "Invalid policy",
      Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])),
    );
  return db.$transaction(async (tx) => {
    const before = (await getDunningPolicies(tx))[opts.customerType];
    const data = { ...parsed.data, steps: parsed.data.steps };
    await tx.dunningPolicy.upsert({
      where: { customerType: opts.customerType },
      create: { customerType: opts.customerType, ...data },
      update: data,
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "dunning.policy_update",
        entityType: "DunningPolicy",
        entityId: opts.customerType,
        data: { before, after: parsed.data },
      },
      tx,
    );
    return { ...parsed.data, customerType: opts.customerType };
  });
}
