// Starts a billing run from admin or the API without waiting for it: the run is recorded now
// (so its progress can be shown) and a job works through it — the Inngest function in server
// mode, the embedded scheduler otherwise (both on `billing/run.requested`).
import { billingRunRequested } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import type { Actor } from "@/lib/auth/roles";
import { assertIsoDate, type IsoDate } from "@/lib/time/dates";
import { startBillingRun, type BillingTrigger } from "./start-billing-run";

export async function requestBillingRun(opts: {
  asOf: IsoDate;
  actor: Actor;
  trigger: Extract<BillingTrigger, "admin" | "api">;
}) {
  const run = await startBillingRun({
    asOf: assertIsoDate(opts.asOf),
    actor: opts.actor,
    trigger: opts.trigger,
    deferred: true,
  });
  await publish(billingRunRequested.create({ runId: run.id, asOf: opts.asOf }));
  return run;
}
