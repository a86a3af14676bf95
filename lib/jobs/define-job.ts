// A job is defined once: a name, a zod payload, a trigger (cron and/or events), a concurrency key
// and a handler that calls lib use cases through a small step interface. Two runners adapt the
// same definition — Inngest (inngest/functions.ts: steps are Inngest steps, retried and memoised)
// and the embedded runner (lib/jobs/run-job.ts: steps run inline, events dispatch in-process).
// Every job is an idempotent sweep over database state, so running it twice, late, or on the
// other engine is always safe; an event only makes it happen sooner. Definitions live in
// lib/jobs/definitions/<name>.ts and are listed in lib/jobs/registry.ts. Modelled on documenso's
// packages/lib/jobs/client/*.
import type { z } from "zod";
import type { Logger } from "@/lib/log";

/** An event another job may listen to (names are `domain/noun.verb`). */
export type JobEvent = { name: string; data: Record<string, unknown> };

/** What a handler may do besides plain code: named, memoised steps and event fan-out. */
export type JobStep = {
  /**
   * Runs `fn` once per job run under `name` (unique within the run). Its result must be plain
   * JSON: Inngest stores it between invocations, so a retry resumes after the finished steps.
   */
  run<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Publishes events (Inngest: step.sendEvent; embedded: lib/events/publish.ts). */
  sendEvent(name: string, events: JobEvent[]): Promise<void>;
};

export type JobContext<P> = {
  payload: P;
  step: JobStep;
  /** logger.child({ job, runId }) */
  log: Logger;
  /** The JobRun row's id. */
  runId: string;
};

export type JobDefinition<P = unknown, N extends string = string> = {
  /** `domain.verb-noun`, e.g. `billing.run`, `payments.charge-due`. Used in the API and the UI. */
  name: N;
  description: string;
  /** Parses the payload of an event, an API call or a cron tick (cron sends `{}`). */
  payload: z.ZodType<P>;
  /** Cron in UTC. Jobs that care about the ISP's local time check it themselves. */
  cron?: string;
  /** Event names that start the job (its payload is parsed from the event's data). */
  events?: string[];
  /** Runs with the same key never overlap (Inngest concurrency key; embedded advisory lock).
   *  Defaults to the job's name. */
  concurrencyKey?: string;
  /** Inngest only: runs with the key allowed at once (default 1). The embedded runner runs one. */
  concurrencyLimit?: number;
  /** Inngest retries (default 3). The embedded runner retries on its next tick instead. */
  retries?: number;
  // A method, not a property, so every job fits the registry's `AnyJob` list (bivariant payload).
  handler(ctx: JobContext<P>): Promise<unknown>;
};

/** Any job, whatever its payload: what the registry and the runners hold. */
export type AnyJob = JobDefinition<unknown>;

export const concurrencyKeyOf = (job: AnyJob) => job.concurrencyKey ?? job.name;

export function defineJob<P, const N extends string>(
  def: JobDefinition<P, N>,
): JobDefinition<P, N> {
  return def;
}
