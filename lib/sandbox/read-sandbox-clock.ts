import { env } from "@/lib/env";
import { now, sandboxOffset } from "@/lib/time/clock";
import { syncClock } from "@/lib/time/sync-clock";

/** The sandbox business time while the clock is moved, else null (for the admin banner). */
export async function readSandboxClock(): Promise<Date | null> {
  if (!env.SANDBOX_CLOCK) return null;
  await syncClock();
  return sandboxOffset() ? now() : null;
}
