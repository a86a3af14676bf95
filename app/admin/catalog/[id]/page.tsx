import { ActionForm } from "@/components/admin/action-form";
import { PageHeader } from "@/components/ui/page-header";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/require-permission";
import { getProduct } from "@/lib/catalog/get-product";
import { getCatalogFormOptions } from "@/lib/catalog/get-catalog-form-options";
import { getBranding } from "@/lib/settings/get-branding";
import { ProductForm } from "../product-form";
import { updateProductAction } from "../update-product-action";
import { setProductStatusAction } from "../set-product-status-action";
import { plural } from "@/lib/format/plural";
import { toMajorString } from "@/lib/money/format-money";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata = { title: "Edit product" };

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("catalog:write", "/admin/catalog");
  const { id } = await params;
  const [p, options, brand] = await Promise.all([
    getProduct({ id, actor }).catch((e) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    getCatalogFormOptions({ actor }),
    getBranding(),
  ]);
  const retired = p.status === "RETIRED";
  return (
    <>
      <PageHeader
        title={p.name}
        description={
          <>
            {p.kind === "PLAN" ? "Plan" : "Add-on"} · used by{" "}
            {plural(p._count.subscriptions, "service", "services", brand.locale)} ·{" "}
            <StatusBadge kind="product" status={p.status} />
          </>
        }
        actions={
          <ActionForm
            action={setProductStatusAction}
            submit={retired ? "Put back on sale" : "Retire"}
            variant={retired ? "secondary" : "danger"}
          >
            <input type="hidden" name="id" value={p.id} />
            <input type="hidden" name="status" value={retired ? "ACTIVE" : "RETIRED"} />
          </ActionForm>
        }
      />
      <ProductForm
        action={updateProductAction}
        kind={p.kind}
        id={p.id}
        defaults={{
          code: p.code,
          name: p.name,
          description: p.description ?? "",
          technology: p.technology ?? "",
          downloadMbps: String(p.downloadMbps ?? ""),
          uploadMbps: String(p.uploadMbps ?? ""),
          dataCapGb: p.dataCapGb === null ? "" : String(p.dataCapGb),
          fairUseNote: p.fairUseNote ?? "",
          capAction: p.capAction,
          fupDownloadMbps: String(p.fupDownloadMbps ?? ""),
          fupUploadMbps: String(p.fupUploadMbps ?? ""),
          overagePerGb:
            p.overagePerGb === null ? "" : toMajorString(p.overagePerGb, brand.currency),
          uncountedFromHour: String(p.uncountedFromHour ?? ""),
          uncountedToHour: String(p.uncountedToHour ?? ""),
          capRollover: p.capRollover ? "on" : "",
          topUpGb: String(p.topUpGb ?? ""),
          topUpPrice: p.topUpPrice === null ? "" : toMajorString(p.topUpPrice, brand.currency),
          price: toMajorString(p.price, brand.currency),
          interval: p.interval,
          addonCharge: p.addonCharge,
          setupFee: toMajorString(p.setupFee, brand.currency),
          contractMonths: String(p.contractMonths),
          earlyTerminationPercent: String(p.earlyTerminationPercent),
          taxClassId: p.taxClassId,
          sortOrder: String(p.sortOrder),
        }}
        areaIds={p.coverageAreas.map((a) => a.id)}
        taxClasses={options.taxClasses}
        areas={options.areas}
        currency={brand.currency}
      />
    </>
  );
}
