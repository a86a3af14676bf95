import "server-only";
import { db } from "@/lib/db";
import type { CoverageGeometry } from "./geometry";

/**
 * What the public map draws: every area's outline, technology and status, plus where to
 * centre. Public on purpose: ISPs publish their coverage maps.
 */
export async function getCoverageMap() {
  const [areas, settings] = await Promise.all([
    db.coverageArea.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, technology: true, status: true, geometry: true },
    }),
    db.ispSettings.findUnique({
      where: { id: 1 },
      select: { mapCenterLat: true, mapCenterLng: true },
    }),
  ]);
  const center: [number, number] = [settings?.mapCenterLat ?? 0, settings?.mapCenterLng ?? 0];
  return { center, areas: areas.map((a) => ({ ...a, geometry: a.geometry as CoverageGeometry })) };
}
