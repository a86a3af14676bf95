import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatNumber } from "@/lib/format/numbers";
import { plural } from "@/lib/format/plural";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { CoverageOverviewMap } from "@/components/admin/coverage-overview-map";
import { MapLegend } from "@/components/storefront/map-legend";
import { technologyLabel } from "@/lib/format/labels";
import { requirePermission } from "@/lib/auth/require-permission";
import { listCoverageAreas } from "@/lib/coverage/list-coverage-areas";
import { getAddressStats } from "@/lib/coverage/get-address-stats";
import { getSettings } from "@/lib/settings/get-settings";

export const metadata = { title: "Coverage" };

export default async function CoveragePage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string; deleted?: string; imported?: string }>;
}) {
  const actor = await requirePermission("coverage:write", "/admin/coverage");
  const [areas, stats, settings, sp] = await Promise.all([
    listCoverageAreas({ actor, withGeometry: true }),
    getAddressStats({ actor }),
    getSettings(),
    searchParams,
  ]);
  const leads = areas.reduce((a, x) => a + x._count.leads, 0);
  return (
    <>
      <PageHeader
        title="Coverage"
        description="Where you sell. Live areas offer their plans at checkout; planned areas collect interest."
        actions={
          <>
            <ButtonLink href="/admin/coverage/import" variant="secondary">
              Import GeoJSON / KML
            </ButtonLink>
            <ButtonLink href="/admin/coverage/new">Draw new area</ButtonLink>
          </>
        }
      />
      {sp.saved && (
        <Alert tone="success" className="mb-4">
          Saved. The coverage check uses it at once.
        </Alert>
      )}
      {sp.deleted && (
        <Alert tone="success" className="mb-4">
          Area deleted.
        </Alert>
      )}
      {sp.imported && (
        <Alert tone="success" className="mb-4">
          Imported {plural(Number(sp.imported) || 0, "area", "areas", settings.locale)}.
        </Alert>
      )}
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Link
          href="/admin/coverage/addresses"
          className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-300"
        >
          <p className="text-sm text-slate-500">Homes passed</p>
          <p className="tabular text-2xl font-semibold">
            {formatNumber(stats.total, settings.locale)}
          </p>
        </Link>
        <Link
          href="/admin/coverage/leads"
          className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-300"
        >
          <p className="text-sm text-slate-500">Interest leads</p>
          <p className="tabular text-2xl font-semibold">{formatNumber(leads, settings.locale)}</p>
        </Link>
        <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm text-slate-500">Areas</p>
          <p className="tabular text-2xl font-semibold">
            {areas.length}{" "}
            <span className="text-sm font-normal text-slate-500">
              {areas.filter((a) => a.status === "LIVE").length} live
            </span>
          </p>
        </div>
      </div>
      <div className="mb-6 space-y-2">
        <CoverageOverviewMap
          center={[settings.mapCenterLat ?? 0, settings.mapCenterLng ?? 0]}
          areas={areas.map((a) => ({ ...a, geometry: a.geometry }))}
        />
        <MapLegend technologies={[...new Set(areas.map((a) => a.technology))]} />
      </div>
      <Card>
        {areas.length === 0 ? (
          <EmptyState title="No coverage areas yet">
            Draw one or import a GeoJSON/KML file.
          </EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Area</Th>
                <Th>Technology</Th>
                <Th>Status</Th>
                <Th numeric>Products</Th>
                <Th numeric>Leads</Th>
                <Th>Updated</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {areas.map((a) => (
                <tr key={a.id} className="hover:bg-slate-50">
                  <Td>
                    <Link
                      href={`/admin/coverage/${a.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {a.name}
                    </Link>
                  </Td>
                  <Td>{technologyLabel(a.technology)}</Td>
                  <Td>
                    <StatusBadge kind="coverageArea" status={a.status} />
                  </Td>
                  <Td numeric>{a._count.products}</Td>
                  <Td numeric>{a._count.leads}</Td>
                  <Td>
                    <DateTime
                      value={a.updatedAt}
                      locale={settings.locale}
                      timeZone={settings.timeZone}
                    />
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
