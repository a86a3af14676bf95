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
