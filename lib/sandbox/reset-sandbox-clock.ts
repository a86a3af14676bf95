import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { now, setSandboxOffset } from "@/lib/time/clock";
import { assertSandboxAdmin } from "./assert-sandbox-admin";

export type ResetSandboxClockOptions = { actor: Actor };

/** Back to real time on every instance. */
export async function resetSandboxClock({ actor }: ResetSandboxClockOptions) {
  assertSandboxAdmin(actor);
  await db.$transaction(async (tx) => {
    await tx.sandboxClock.deleteMany({ where: { id: 1 } });
    await recordAudit({ actor, action: "sandbox.clock_reset" }, tx);
  });
  setSandboxOffset(0);
  return { now: now().toISOString() };
}
