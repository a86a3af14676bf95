// The injectable clock. Code that needs "now" calls now(); tests travel in time with setClock().
import { env } from "@/lib/env";

let override: (() => Date) | undefined;

export function now(): Date {
  if (override) return override();
  if (env.LASTMILE_FIXED_NOW) return new Date(env.LASTMILE_FIXED_NOW);
  return new Date();
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
