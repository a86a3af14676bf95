// The process-wide polygon index behind feasibility checks. It is rebuilt when coverage
// changes: at once in this process (invalidateCoverageIndex after a write) and within a
// second in other app instances, which compare the table's row count and newest updatedAt.
import "server-only";
import { db } from "@/lib/db";
import type { CoverageStatus, Technology } from "@/lib/generated/prisma/enums";
import { GridIndex } from "./grid-index";
import type { CoverageGeometry } from "./geometry";

export type AreaRef = { id: string; name: string; technology: Technology; status: CoverageStatus };

type Cached = { version: string; index: GridIndex<AreaRef>; checkedAt: number };
const holder = globalThis as unknown as {
  lastmileCoverage?: { cached?: Cached; building?: Promise<Cached> };
};
const state = (holder.lastmileCoverage ??= {});
const RECHECK_MS = 1000;

async function currentVersion(): Promise<string> {
  const rows = await db.$queryRaw<{ n: number; m: Date | null }[]>`
    SELECT count(*)::int AS n, max("updatedAt") AS m FROM "CoverageArea"`;
  return `${rows[0].n}:${rows[0].m?.getTime() ?? 0}`;
}

async function build(version: string): Promise<Cached> {
  const rows = await db.coverageArea.findMany({
    select: {
      id: true,
      name: true,
      technology: true,
      status: true,
      geometry: true,
      minLat: true,
      minLng: true,
      maxLat: true,
      maxLng: true,
    },
  });
  const index = new GridIndex(
    rows.map((r) => ({
      bbox: { minLat: r.minLat, minLng: r.minLng, maxLat: r.maxLat, maxLng: r.maxLng },
      geometry: r.geometry as CoverageGeometry,
      value: { id: r.id, name: r.name, technology: r.technology, status: r.status },
    })),
  );
  return { version, index, checkedAt: Date.now() };
}

export async function getCoverageIndex(): Promise<GridIndex<AreaRef>> {
  const cached = state.cached;
  if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached.index;
  const version = await currentVersion();
  if (cached && cached.version === version) {
    cached.checkedAt = Date.now();
    return cached.index;
  }
  // Concurrent requests share one rebuild.
  state.building ??= build(version).finally(() => {
    state.building = undefined;
  });
  state.cached = await state.building;
  return state.cached.index;
}

export function invalidateCoverageIndex() {
  state.cached = undefined;
}
