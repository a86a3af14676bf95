// Coverage geometry: GeoJSON Polygon or MultiPolygon in WGS84, positions [lng, lat] (RFC 7946).
import { z } from "zod";

const position = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .rest(z.number()); // an altitude is allowed and ignored
const ring = z
  .array(position)
  .min(4, "A ring needs at least 4 positions (the first repeated as the last).")
  .refine(
    (r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1],
    "A ring must end where it starts.",
  );

export const polygonSchema = z.object({
  type: z.literal("Polygon"),
  coordinates: z.array(ring).min(1),
});
export const multiPolygonSchema = z.object({
  type: z.literal("MultiPolygon"),
  coordinates: z.array(z.array(ring).min(1)).min(1),
});
export const geometrySchema = z.discriminatedUnion("type", [polygonSchema, multiPolygonSchema], {
  error: "Coverage must be a GeoJSON Polygon or MultiPolygon.",
});

export type CoverageGeometry = z.infer<typeof geometrySchema>;
export type Bbox = { minLat: number; minLng: number; maxLat: number; maxLng: number };

/** Drops altitudes and anything else beyond [lng, lat], so stored geometry is plain 2D. */
export function normalizeGeometry(g: CoverageGeometry): CoverageGeometry {
  const flat = (r: number[][]) => r.map(([lng, lat]) => [lng, lat] as [number, number]);
  return g.type === "Polygon"
    ? { type: "Polygon", coordinates: g.coordinates.map(flat) }
    : { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map(flat)) };
}

export function bboxOf(g: CoverageGeometry): Bbox {
  const rings = g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
  let minLat = Infinity,
    minLng = Infinity,
    maxLat = -Infinity,
    maxLng = -Infinity;
  for (const r of rings) {
    for (const [lng, lat] of r) {
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
    }
  }
  return { minLat, minLng, maxLat, maxLng };
}

/** A human-readable reason a geometry is not valid, from zod's first issue. */
export function geometryProblem(value: unknown): string | null {
  const parsed = geometrySchema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue.path.length
    ? `${issue.message} (at coordinates${issue.path
        .slice(1)
        .map((p) => `[${String(p)}]`)
        .join("")})`
    : issue.message;
}
