import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { listCoverageAreas } from "@/lib/coverage/list-coverage-areas";
import { getSettings } from "@/lib/settings/get-settings";
import { AreaForm } from "../area-form";
import { createCoverageAreaAction } from "../create-coverage-area-action";

export const metadata = { title: "New coverage area" };

export default async function NewAreaPage() {
  const actor = await requirePermission("coverage:write", "/admin/coverage");
  const [areas, settings] = await Promise.all([
    listCoverageAreas({ actor, withGeometry: true }),
    getSettings(),
  ]);
  return (
    <>
      <PageHeader
        title="New coverage area"
        description="Click the map to place the corners, or paste GeoJSON. Active plans of the area's technology and all add-ons are offered in it."
      />
      <AreaForm
        action={createCoverageAreaAction}
        defaults={{}}
        center={[settings.mapCenterLat ?? 0, settings.mapCenterLng ?? 0]}
        others={areas}
      />
    </>
  );
}
