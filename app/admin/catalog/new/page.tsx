import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { getCatalogFormOptions } from "@/lib/catalog/get-catalog-form-options";
import { getBranding } from "@/lib/settings/get-branding";
import { ProductForm } from "../product-form";
import { createProductAction } from "../create-product-action";

export const metadata = { title: "New product" };

export default async function NewProductPage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string }>;
}) {
  const actor = await requirePermission("catalog:write", "/admin/catalog");
  const [{ kind: k }, options, brand] = await Promise.all([
    searchParams,
    getCatalogFormOptions({ actor }),
    getBranding(),
  ]);
  const kind = k === "ADDON" ? "ADDON" : "PLAN";
  const defaultTax = options.taxClasses.find((t) => t.isDefault) ?? options.taxClasses[0];
  return (
    <>
      <PageHeader title={kind === "PLAN" ? "New plan" : "New add-on"} />
      <ProductForm
        action={createProductAction}
        kind={kind}
        defaults={{
          taxClassId: defaultTax?.id ?? "",
          interval: "MONTH",
          contractMonths: "0",
          earlyTerminationPercent: "0",
          setupFee: "0.00",
          sortOrder: "0",
        }}
        areaIds={options.areas
          .filter((a) => kind === "ADDON" || a.technology === "FIBRE")
          .map((a) => a.id)}
        taxClasses={options.taxClasses}
        areas={options.areas}
        currency={brand.currency}
      />
    </>
  );
}
