import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { ImportForm } from "./import-form";

export const metadata = { title: "Import coverage" };

export default async function ImportCoveragePage() {
  await requirePermission("coverage:write", "/admin/coverage/import");
  return (
    <>
      <PageHeader
        title="Import coverage"
        description="Every Polygon or MultiPolygon in the file becomes an area. If any feature is invalid, nothing is imported and the error names the feature."
      />
      <ImportForm />
    </>
  );
}
