import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { technologyLabel } from "@/lib/format/labels";
import { formatNumber } from "@/lib/format/numbers";
import { plural } from "@/lib/format/plural";
import { getBranding } from "@/lib/settings/get-branding";
import { requirePermission } from "@/lib/auth/require-permission";
import { getAddressStats } from "@/lib/coverage/get-address-stats";
import { AddressesForm } from "./addresses-form";

export const metadata = { title: "Homes passed" };

export default async function AddressesPage() {
  const actor = await requirePermission("coverage:write", "/admin/coverage/addresses");
  const [stats, brand] = await Promise.all([getAddressStats({ actor }), getBranding()]);
  const n = (v: number) => formatNumber(v, brand.locale);
  return (
    <>
      <PageHeader
        title="Homes passed"
        description={`${plural(stats.total, "serviceable address", "serviceable addresses", brand.locale)}. ${stats.byTechnology.map((t) => `${technologyLabel(t.technology)}: ${n(t.count)}`).join(" · ")}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Import from CSV"
            description="Visitors find these addresses in the coverage search. A bad row stops the whole import and is named by its line."
          />
          <CardBody>
            <AddressesForm />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="File format" />
          <CardBody className="text-sm text-slate-600">
            <p>
              A header row, then one address per line. Required columns: <code>line1</code> (or{" "}
              <code>address</code>), <code>city</code>, <code>lat</code>, <code>lng</code>.
              Optional: <code>external_id</code>, <code>suburb</code>, <code>postal_code</code>,{" "}
              <code>technology</code> (FIBRE, WIRELESS or LTE; default FIBRE).
            </p>
            <pre className="mt-3 overflow-x-auto rounded bg-slate-50 p-3 text-xs">
              external_id,line1,suburb,city,postal_code,lat,lng{"\n"}HP-00001,12 Dorp
              Street,Dalsig,Stellenbosch,7600,-33.9440,18.8670
            </pre>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
