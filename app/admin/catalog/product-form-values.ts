import type { ProductInput } from "@/lib/catalog/product-schema";

/** The product form's fields as the service's input (amounts stay decimal strings). */
export function productInputFromForm(form: FormData): ProductInput {
  const s = (k: string) => String(form.get(k) ?? "");
  return {
    code: s("code"),
    name: s("name"),
    description: s("description"),
    kind: s("kind") as ProductInput["kind"],
    technology: s("technology") as ProductInput["technology"],
    downloadMbps: s("downloadMbps"),
    uploadMbps: s("uploadMbps"),
    dataCapGb: s("dataCapGb"),
    fairUseNote: s("fairUseNote"),
    price: s("price"),
    interval: s("interval") as ProductInput["interval"],
    addonCharge: (s("addonCharge") || "RECURRING") as ProductInput["addonCharge"],
    setupFee: s("setupFee") || "0",
    contractMonths: s("contractMonths") || 0,
    earlyTerminationPercent: s("earlyTerminationPercent") || 0,
    taxClassId: s("taxClassId"),
    sortOrder: s("sortOrder") || 0,
    coverageAreaIds: form.getAll("coverageAreaIds").map(String),
  };
}
