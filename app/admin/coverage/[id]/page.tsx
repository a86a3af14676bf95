import { ActionForm } from "@/components/admin/action-form";
import { PageHeader } from "@/components/ui/page-header";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/require-permission";
import { getCoverageArea } from "@/lib/coverage/get-coverage-area";
import { listCoverageAreas } from "@/lib/coverage/list-coverage-areas";
import { getSettings } from "@/lib/settings/get-settings";
import { AreaForm } from "../area-form";
import { updateCoverageAreaAction } from "../update-coverage-area-action";
import { deleteCoverageAreaAction } from "../delete-coverage-area-action";

export const metadata = { title: "Coverage area" };

export default async function EditAreaPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("coverage:write", "/admin/coverage");
  const { id } = await params;
  const [area, areas, settings] = await Promise.all([
    getCoverageArea({ actor, id }).catch((e) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    listCoverageAreas({ actor, withGeometry: true }),
    getSettings(),
  ]);
  return (
    <>
      <PageHeader
        title={area.name}
        description={`Offers ${area.products.map((p) => p.name).join(", ") || "no products"} (change on each product). ${area._count.leads} interest leads.`}
        actions={
          <ActionForm
            action={deleteCoverageAreaAction}
            submit="Delete area"
            variant="danger"
            pending="Deleting…"
          >
            <input type="hidden" name="id" value={area.id} />
          </ActionForm>
        }
      />
      <AreaForm
        action={updateCoverageAreaAction}
        id={area.id}
        defaults={{
          name: area.name,
          technology: area.technology,
          status: area.status,
          geometry: JSON.stringify(area.geometry),
        }}
        center={[settings.mapCenterLat ?? 0, settings.mapCenterLng ?? 0]}
        others={areas}
      />
    </>
  );
}
