// A job is defined once: a name, a zod payload, a trigger (cron and/or events), a concurrency key
// and a handler that calls lib use cases through a small step interface. Two runners adapt the
// same definition — Inngest (inngest/functions.ts: steps are Inngest steps, retried and memoised)
// and the embedded runner (lib/jobs/run-job.ts: steps run inline, events dispatch in-process).
// Every job is an idempotent sweep over database state, so running it twice, late, or on the
// other engine is always safe. Modelled on documenso's packages/lib/jobs/client/*.
import type { z } from "zod";

/** An event another job may listen to (names are `domain/noun.verb`). */
export type JobEvent = { name: string; data: Record<string, unknown> };

/** What a handler may do besides plain code: named, memoised steps and event fan-out. */
export type JobStep = {
  /** Runs `fn` once per job run under `name`; on Inngest a retry resumes after finished steps. */
  run<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Publishes events (Inngest: step.sendEvent; embedded: in-process listeners). */
  sendEvent(name: string, events: JobEvent[]): Promise<void>;
};

export type JobLogger = {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
};

export type JobContext<P> = { payload: P; step: JobStep; log: JobLogger; runId: string };

export type JobDefinition<P = unknown> = {
  /** `domain.verb-noun`, e.g. `billing.run`, `payments.charge-due`. Used in the API and the UI. */
  name: string;
  description: string;
  /** Parses the payload of an event, an API call or a cron tick (cron sends `{}`). */
  payload: z.ZodType<P>;
  /** Cron in UTC. Jobs that care about the ISP's local time check it themselves. */
  cron?: string;
  /** Event names that start the job (its payload is parsed from the event's data). */
  events?: string[];
  /** Runs with the same key never overlap (Inngest concurrency key; embedded advisory lock). */
  concurrencyKey?: string;
  /** Inngest retries (default 3). The embedded runner retries on its next tick instead. */
  retries?: number;
  handler: (ctx: JobContext<P>) => Promise<unknown>;
};

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}
