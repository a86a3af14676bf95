import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { uploadedFile } from "@/lib/http/form-fields";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Technology, CoverageStatus } from "@/lib/generated/prisma/enums";
import { invalidateCoverageIndex } from "./coverage-index";
import { bboxOf } from "./geometry";
import { parseCoverageFile } from "./parse-coverage-file";

const TECH = ["FIBRE", "WIRELESS", "LTE"] as const;
const STATUS = ["LIVE", "PLANNED"] as const;
export const MAX_COVERAGE_FILE_BYTES = 10 * 1024 * 1024;

/** The import form: the file and the defaults for features that do not say. */
export const importCoverageFormSchema = z.object({
  file: uploadedFile("Choose a GeoJSON or KML file"),
  technology: z.enum(TECH).default("FIBRE"),
  status: z.enum(STATUS).default("LIVE"),
  namePrefix: z.string().trim().max(60).optional(),
});

/**
 * Imports every polygon in a GeoJSON or KML file as a coverage area, all or nothing. Feature
 * properties `name`, `technology` and `status` override the defaults chosen on the form.
 */
export async function importCoverageFile(opts: {
  filename: string;
  text: string;
  defaults: { technology: Technology; status: CoverageStatus; namePrefix?: string };
  actor: Actor;
}) {
  assertCan(opts.actor, "coverage:write");
  if (opts.text.length > MAX_COVERAGE_FILE_BYTES)
    throw new AppError("VALIDATION", "The file is larger than 10 MB.");
  const parsed = parseCoverageFile(opts);
  const problems: string[] = [];
  const rows = parsed.map((a, i) => {
    const technology = (a.technology?.toUpperCase() ?? opts.defaults.technology) as Technology;
    const status = (a.status?.toUpperCase() ?? opts.defaults.status) as CoverageStatus;
    if (!TECH.includes(technology as (typeof TECH)[number]))
      problems.push(`feature ${i + 1}: unknown technology "${a.technology}"`);
    if (!STATUS.includes(status as (typeof STATUS)[number]))
      problems.push(`feature ${i + 1}: unknown status "${a.status}"`);
    const name = a.name ?? `${opts.defaults.namePrefix?.trim() || "Imported area"} ${i + 1}`;
    return {
      name: name.slice(0, 80),
      technology,
      status,
      geometry: a.geometry,
      ...bboxOf(a.geometry),
    };
  });
  if (problems.length)
    throw new AppError(
      "VALIDATION",
      `The file was not imported: ${problems.slice(0, 10).join("; ")}.`,
    );

  const created = await db.$transaction(
    async (tx) => {
      const products = await tx.product.findMany({
        where: { status: "ACTIVE" },
        select: { id: true, kind: true, technology: true },
      });
      const ids: string[] = [];
      for (const row of rows) {
        const offered = products.filter(
          (p) => p.kind === "ADDON" || p.technology === row.technology,
        );
        const area = await tx.coverageArea.create({
          data: { ...row, products: { connect: offered.map((p) => ({ id: p.id })) } },
          select: { id: true },
        });
        ids.push(area.id);
      }
      await recordAudit(
        {
          actor: opts.actor,
          action: "coverage.import",
          entityType: "CoverageArea",
          data: { filename: opts.filename, count: ids.length },
        },
        tx,
      );
      return ids.length;
    },
    { timeout: 120_000 },
  );
  invalidateCoverageIndex();
  return { created };
}
