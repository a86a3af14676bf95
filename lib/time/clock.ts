// The injectable clock. Code that needs "now" calls now(); tests travel in time with setClock().
// On a sandbox instance (SANDBOX_CLOCK=true) business time is the base clock plus an offset that
// lives in the database (lib/time/sync-clock.ts refreshes it at the start of every request and
// job), so now() stays synchronous for its hundreds of callers.
import { env } from "@/lib/env";

let override: (() => Date) | undefined;

// On globalThis: Next bundles route handlers, pages and actions separately, and every copy of this
// module in the process must see the same offset.
const shared = globalThis as unknown as { lastmileSandboxOffsetMs?: number };

/** The clock without the sandbox offset: the test override, LASTMILE_FIXED_NOW, or real time. */
export function baseNow(): Date {
  if (override) return override();
  if (env.LASTMILE_FIXED_NOW) return new Date(env.LASTMILE_FIXED_NOW);
  return new Date();
}

export function now(): Date {
  const base = baseNow();
  const offset = shared.lastmileSandboxOffsetMs ?? 0;
  return offset ? new Date(base.getTime() + offset) : base;
}

/** The sandbox offset now() adds (ms); set by syncClock from the database row. */
export function setSandboxOffset(ms: number) {
  shared.lastmileSandboxOffsetMs = ms;
}

export function sandboxOffset(): number {
  return shared.lastmileSandboxOffsetMs ?? 0;
}

/** For tests: fix the clock (a Date) or restore it (undefined). */
export function setClock(at: Date | undefined) {
  override = at ? () => new Date(at.getTime()) : undefined;
}

/** Runs `fn` with the clock fixed at `at`, then puts back whatever clock was in force before. */
export async function withClockAt<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  const previous = override;
  setClock(at);
  try {
    return await fn();
  } finally {
    override = previous;
  }
}
