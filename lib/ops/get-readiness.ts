// GET /api/ready: load balancers get `{ status }`; admins (session or API key) get the checks.
import { can, type Actor } from "@/lib/auth/roles";
import { runReadinessChecks, type ReadinessReport, type ReadinessStatus } from "./readiness-checks";

export type GetReadinessOptions = { actor: Actor | null };

export async function getReadiness({
  actor,
}: GetReadinessOptions): Promise<{ status: ReadinessStatus } | ReadinessReport> {
  const report = await runReadinessChecks();
  return actor && can(actor, "system:read") ? report : { status: report.status };
}
