import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

/** The whole catalogue for the back office, with how many live services use each product. */
export async function listProducts(opts: {
  actor: Actor;
  kind?: "PLAN" | "ADDON";
  status?: "ACTIVE" | "RETIRED";
  id?: string;
}) {
  assertCan(opts.actor, "catalog:write");
  return db.product.findMany({
    where: { kind: opts.kind, status: opts.status, id: opts.id },
    orderBy: [{ kind: "asc" }, { status: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      kind: true,
      technology: true,
      downloadMbps: true,
      uploadMbps: true,
      dataCapGb: true,
      capAction: true,
      fupDownloadMbps: true,
      fupUploadMbps: true,
      overagePerGb: true,
      uncountedFromHour: true,
      uncountedToHour: true,
      capRollover: true,
      topUpGb: true,
      topUpPrice: true,
      price: true,
      interval: true,
      setupFee: true,
      contractMonths: true,
      earlyTerminationPercent: true,
      noticeDays: true,
      addonCharge: true,
      status: true,
      taxClassId: true,
      taxBehavior: true,
      taxClass: { select: { name: true } },
      _count: {
        select: {
          coverageAreas: true,
          subscriptions: { where: { status: { in: ["PENDING", "ACTIVE", "SUSPENDED"] } } },
        },
      },
    },
  });
}
