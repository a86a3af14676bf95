import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { STALE_RUN_MS } from "./open-billing-run";
import { serializeBillingRun } from "./serialize";

/** A RUNNING run with no committed batch for a while was killed; show it as such. */
const view = (r: Parameters<typeof serializeBillingRun>[0]) => {
  const s = serializeBillingRun(r);
  const last = (r.heartbeatAt ?? r.startedAt).getTime();
  return {
    ...s,
    interrupted:
      r.status === "RUNNING" && r.heartbeatAt !== null && Date.now() - last > STALE_RUN_MS,
  };
};

export async function listBillingRuns(opts: { actor: Actor; limit?: number }) {
  assertCan(opts.actor, "billing:read");
  const runs = await db.billingRun.findMany({
    orderBy: { startedAt: "desc" },
    take: Math.min(opts.limit ?? 50, 200),
  });
  return runs.map(view);
}

export async function getBillingRun(opts: { runId: string; actor: Actor }) {
  assertCan(opts.actor, "billing:read");
  const run = await db.billingRun.findUnique({ where: { id: opts.runId } });
  if (!run) throw notFound("Billing run");
  return view(run);
}
