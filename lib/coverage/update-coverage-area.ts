import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { coverageAreaInputSchema, type CoverageAreaInput } from "./coverage-area-schema";
import { invalidateCoverageIndex } from "./coverage-index";
import { bboxOf, normalizeGeometry } from "./geometry";

export async function updateCoverageArea(opts: {
  id: string;
  input: CoverageAreaInput;
  actor: Actor;
}) {
  assertCan(opts.actor, "coverage:write");
  const v = coverageAreaInputSchema.parse(opts.input);
  const geometry = normalizeGeometry(v.geometry);
  await db.$transaction(async (tx) => {
    const found = await tx.coverageArea.findUnique({
      where: { id: opts.id },
      select: { id: true, status: true },
    });
    if (!found) throw notFound("Coverage area");
    await tx.coverageArea.update({
      where: { id: opts.id },
      data: {
        name: v.name,
        technology: v.technology,
        status: v.status,
        geometry,
        ...bboxOf(geometry),
        ...(v.productIds ? { products: { set: v.productIds.map((id) => ({ id })) } } : {}),
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "coverage.update",
        entityType: "CoverageArea",
        entityId: opts.id,
        data: { name: v.name, statusBefore: found.status, status: v.status },
      },
      tx,
    );
  });
  invalidateCoverageIndex();
  return { id: opts.id };
}
