import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { listJobs } from "@/lib/jobs/list-jobs";
import { getBranding } from "@/lib/settings/get-branding";
import { RunNowButton } from "./run-now-button";
import { runStatusTone } from "./run-status-tone";

export const metadata = { title: "Jobs" };

const duration = (ms: number | null) =>
  ms === null ? "—" : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;

export default async function JobsPage() {
  const actor = await requirePermission("jobs:run", "/admin/jobs");
  const [jobs, brand] = await Promise.all([listJobs({ actor }), getBranding()]);
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Background work runs on its schedule and when something asks for it. Every job is safe to run again: “Run now” sweeps whatever is due."
      />
      <Card>
        {jobs.length === 0 ? (
          <EmptyState title="No jobs registered" />
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Job</Th>
                <Th>Schedule</Th>
                <Th>Last run</Th>
                <Th numeric>Duration</Th>
                <Th>Outcome</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {jobs.map((job) => (
                <tr key={job.name} className="align-top hover:bg-slate-50">
                  <Td className="whitespace-normal">
                    <p className="font-mono text-sm font-medium text-slate-900">{job.name}</p>
                    <p className="mt-0.5 max-w-sm text-xs text-slate-500">{job.description}</p>
                  </Td>
                  <Td className="whitespace-normal">
                    <p>{job.schedule ?? "on events only"}</p>
                    {job.cron && <p className="font-mono text-xs text-slate-500">{job.cron}</p>}
                    {job.events.length > 0 && (
                      <p className="mt-0.5 text-xs text-slate-500">
                        and on {job.events.join(", ")}
                      </p>
                    )}
                  </Td>
                  <Td>
                    {job.lastRun ? (
                      <>
                        <DateTime
                          value={job.lastRun.startedAt}
                          locale={brand.locale}
                          timeZone={brand.timeZone}
                        />
                        <p className="text-xs text-slate-500">{job.lastRun.trigger}</p>
                      </>
                    ) : (
                      <span className="text-slate-400">never</span>
                    )}
                  </Td>
                  <Td numeric>{duration(job.lastRun?.durationMs ?? null)}</Td>
                  <Td className="whitespace-normal">
                    {job.lastRun && (
                      <Badge tone={runStatusTone(job.lastRun.status)}>
                        {job.lastRun.status.toLowerCase()}
                      </Badge>
                    )}
                    {job.lastRun?.error && (
                      <p className="mt-1 max-w-xs break-words text-xs text-red-700">
                        {job.lastRun.error}
                      </p>
                    )}
                  </Td>
                  <Td>
                    <RunNowButton name={job.name} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
