// Turns validated product input into the row Prisma writes (shared by create and update).
import "server-only";
import type { Tx } from "@/lib/db";
import type { TaxBehavior } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { minorUnitDigits } from "@/lib/money/format-money";
import { getSettings } from "@/lib/settings/get-settings";
import { toMinor, type ProductValues } from "./product-schema";

export async function productData(tx: Tx, v: ProductValues) {
  const settings = await getSettings(tx);
  const digits = minorUnitDigits(settings.currency);
  const taxClass = await tx.taxClass.findUnique({
    where: { id: v.taxClassId },
    select: { id: true },
  });
  if (!taxClass)
    throw new AppError("VALIDATION", "Some fields are not valid.", {
      taxClassId: "Unknown tax class",
    });
  const areas = await tx.coverageArea.count({ where: { id: { in: v.coverageAreaIds } } });
  if (areas !== new Set(v.coverageAreaIds).size) {
    throw new AppError("VALIDATION", "Some fields are not valid.", {
      coverageAreaIds: "Unknown coverage area",
    });
  }
  const plan = v.kind === "PLAN";
  return {
    code: v.code,
    name: v.name,
    description: v.description,
    kind: v.kind,
    technology: plan ? v.technology : null,
    downloadMbps: plan ? v.downloadMbps : null,
    uploadMbps: plan ? v.uploadMbps : null,
    dataCapGb: plan ? (v.dataCapGb ?? null) : null,
    fairUseNote: plan ? v.fairUseNote : null,
    capAction: plan && v.dataCapGb ? v.capAction : ("NOTIFY" as const),
    fupDownloadMbps: plan ? (v.fupDownloadMbps ?? null) : null,
    fupUploadMbps: plan ? (v.fupUploadMbps ?? null) : null,
    overagePerGb: plan && v.overagePerGb !== undefined ? toMinor(v.overagePerGb, digits) : null,
    uncountedFromHour: plan ? (v.uncountedFromHour ?? null) : null,
    uncountedToHour: plan ? (v.uncountedToHour ?? null) : null,
    capRollover: plan && v.capRollover,
    topUpGb: plan ? (v.topUpGb ?? null) : null,
    topUpPrice: plan && v.topUpPrice !== undefined ? toMinor(v.topUpPrice, digits) : null,
    price: toMinor(v.price, digits),
    interval: v.interval,
    addonCharge: plan ? ("RECURRING" as const) : v.addonCharge,
    setupFee: toMinor(v.setupFee, digits),
    contractMonths: v.contractMonths,
    earlyTerminationPercent: v.earlyTerminationPercent,
    taxClassId: v.taxClassId,
    sortOrder: v.sortOrder,
    // Forms that do not show these fields leave them alone.
    ...(v.taxBehavior !== undefined
      ? { taxBehavior: v.taxBehavior ? (v.taxBehavior.toUpperCase() as TaxBehavior) : null }
      : {}),
    ...(v.noticeDays !== undefined ? { noticeDays: v.noticeDays } : {}),
  };
}
