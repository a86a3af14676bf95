// Moves business time on a sandbox instance to any instant, earlier or later (Kill Bill's test
// clock, Stripe's test clocks). Time keeps running from there: the database stores the offset from
// the base clock, so every instance sharing the database agrees from its next request on.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { baseNow, now, setSandboxOffset } from "@/lib/time/clock";
import { assertSandboxAdmin } from "./assert-sandbox-admin";

export type SetSandboxClockOptions = { actor: Actor; now: Date };

export async function setSandboxClock(opts: SetSandboxClockOptions) {
  assertSandboxAdmin(opts.actor);
  const offsetMs = opts.now.getTime() - baseNow().getTime();
  await db.$transaction(async (tx) => {
    const data = { offsetMs: BigInt(offsetMs), setTo: opts.now };
    await tx.sandboxClock.upsert({ where: { id: 1 }, update: data, create: { id: 1, ...data } });
    await recordAudit(
      { actor: opts.actor, action: "sandbox.clock_set", data: { now: opts.now.toISOString() } },
      tx,
    );
  });
  setSandboxOffset(offsetMs);
  return { now: now().toISOString() };
}
