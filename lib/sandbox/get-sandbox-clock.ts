import type { Actor } from "@/lib/auth/roles";
import { now } from "@/lib/time/clock";
import { syncClock } from "@/lib/time/sync-clock";
import { assertSandboxAdmin } from "./assert-sandbox-admin";

export type GetSandboxClockOptions = { actor: Actor };

export async function getSandboxClock({ actor }: GetSandboxClockOptions) {
  assertSandboxAdmin(actor);
  await syncClock();
  return { now: now().toISOString() };
}
