import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { formatBytes } from "@/lib/ops/format-bytes";
import { getSystemStatus, type SystemStatus } from "@/lib/ops/get-system-status";
import type { ReadinessStatus } from "@/lib/ops/readiness-checks";
import { getBranding } from "@/lib/settings/get-branding";

export const metadata = { title: "System" };

const STATUS: Record<ReadinessStatus, { label: string; tone: Tone }> = {
  ok: { label: "Ready", tone: "green" },
  degraded: { label: "Degraded", tone: "amber" },
  unavailable: { label: "Not ready", tone: "red" },
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 py-2.5 text-sm">
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd className="col-span-2 min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

function migrationsText(m: SystemStatus["readiness"]["checks"]["migrations"]): string {
  if ("error" in m) return m.error;
  const parts = [`${m.applied} applied`];
  if (m.pending.length) parts.push(`pending: ${m.pending.join(", ")}`);
  if (m.unfinished.length) parts.push(`unfinished: ${m.unfinished.join(", ")}`);
  if (m.unknown.length) parts.push(`from a newer version: ${m.unknown.join(", ")}`);
  return parts.join("; ");
}

const Check = ({ ok }: { ok: boolean }) => (
  <Badge tone={ok ? "green" : "red"}>{ok ? "ok" : "failing"}</Badge>
);

export default async function SystemPage() {
  const actor = await requirePermission("system:read", "/admin/system");
  const [s, brand] = await Promise.all([getSystemStatus({ actor }), getBranding()]);
  const { database, migrations, jobs } = s.readiness.checks;
  const when = (d: Date) => <DateTime value={d} locale={brand.locale} timeZone={brand.timeZone} />;
  const bytes = (n: number | null) => (n === null ? "—" : formatBytes(n, brand.locale));
  return (
    <>
      <PageHeader
        title="System"
        description="Health, versions, storage and backups of this installation. Load balancers poll /api/ready; Prometheus scrapes /api/metrics."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Readiness"
            description="What /api/ready reports for this instance."
            action={
              <Badge tone={STATUS[s.readiness.status].tone}>
                {STATUS[s.readiness.status].label}
              </Badge>
            }
          />
          <CardBody>
            <dl className="divide-y divide-slate-100">
              <Row label="Database">
                <Check ok={database.ok} />{" "}
                {database.ok ? `answers in ${database.latencyMs} ms` : database.error}
              </Row>
              <Row label="Migrations">
                <Check ok={migrations.ok} /> {migrationsText(migrations)}
              </Row>
              <Row label="Jobs">
                <Check ok={jobs.ok} /> {jobs.runner}
              </Row>
            </dl>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Versions" />
          <CardBody>
            <dl className="divide-y divide-slate-100">
              <Row label="Lastmile">{s.versions.app}</Row>
              <Row label="Node.js">{s.versions.node}</Row>
              <Row label="PostgreSQL">{s.versions.postgres ?? "—"}</Row>
            </dl>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Storage" />
          <CardBody>
            <dl className="divide-y divide-slate-100">
              <Row label="Data directory">
                <span className="tabular">{bytes(s.storage.dataDirBytes)}</span>{" "}
                <span className="text-slate-500">in {s.storage.dataDir}</span>
              </Row>
              <Row label="Database">
                <span className="tabular">{bytes(s.storage.databaseBytes)}</span>{" "}
                <span className="text-slate-500">
                  {s.storage.database} on {s.storage.databaseHost ?? "—"}
                </span>
              </Row>
            </dl>
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Backups"
            description={
              s.backups.retention
                ? `Nightly, keeping the newest ${s.backups.retention} (BACKUP_RETENTION).`
                : "Nightly backups are off (BACKUP_RETENTION=0)."
            }
          />
          {s.backups.last ? (
            <CardBody>
              <dl className="divide-y divide-slate-100">
                <Row label="Last backup">{when(s.backups.last.modifiedAt)}</Row>
                <Row label="File">
                  {s.backups.last.name}{" "}
                  <span className="tabular text-slate-500">({bytes(s.backups.last.bytes)})</span>
                </Row>
                <Row label="Folder">
                  {s.backups.dir}{" "}
                  <span className="text-slate-500">
                    ({s.backups.count} backup{s.backups.count === 1 ? "" : "s"})
                  </span>
                </Row>
              </dl>
            </CardBody>
          ) : (
            <EmptyState title="No backups yet">
              Backups appear here from {s.backups.dir}. Make one now with{" "}
              <code>npm run backup</code>.
            </EmptyState>
          )}
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader title="Jobs" description="Each job's latest run and last success." />
        {jobs.jobs.length === 0 ? (
          <EmptyState title="No job runs recorded yet">
            Jobs appear here once they have run.
          </EmptyState>
        ) : (
          <CardBody>
            <dl className="divide-y divide-slate-100">
              {jobs.jobs.map((j) => (
                <Row key={j.name} label={j.name}>
                  <Check ok={j.ok} /> {j.lastStatus ?? "never run"}
                  {j.lastSuccessAt && <> · last success {when(j.lastSuccessAt)}</>}
                  {j.problem && <span className="block text-red-700">{j.problem}</span>}
                </Row>
              ))}
            </dl>
          </CardBody>
        )}
      </Card>
    </>
  );
}
