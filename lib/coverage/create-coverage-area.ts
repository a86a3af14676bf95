import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { coverageAreaInputSchema, type CoverageAreaInput } from "./coverage-area-schema";
import { invalidateCoverageIndex } from "./coverage-index";
import { bboxOf, normalizeGeometry } from "./geometry";

/**
 * Adds a coverage area. Without an explicit product list, the new area offers every active
 * plan of its technology and every add-on, which is what an ISP expanding its footprint wants.
 */
export async function createCoverageArea(opts: { input: CoverageAreaInput; actor: Actor }) {
  assertCan(opts.actor, "coverage:write");
  const v = coverageAreaInputSchema.parse(opts.input);
  const geometry = normalizeGeometry(v.geometry);
  const area = await db.$transaction(async (tx) => {
    const productIds =
      v.productIds ??
      (
        await tx.product.findMany({
          where: { status: "ACTIVE", OR: [{ kind: "ADDON" }, { technology: v.technology }] },
          select: { id: true },
        })
      ).map((p) => p.id);
    const created = await tx.coverageArea.create({
      data: {
        name: v.name,
        technology: v.technology,
        status: v.status,
        geometry,
        ...bboxOf(geometry),
        products: { connect: productIds.map((id) => ({ id })) },
      },
      select: { id: true, name: true },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "coverage.create",
        entityType: "CoverageArea",
        entityId: created.id,
        data: { name: v.name },
      },
      tx,
    );
    return created;
  });
  invalidateCoverageIndex();
  return area;
}
