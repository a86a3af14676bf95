import { z } from "zod";
import { id, text } from "@/lib/http/schemas";
import { geometrySchema } from "./geometry";

/** Geometry arrives as an object (API) or as GeoJSON text (the admin form's hidden field). */
const geometryInput = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  try {
    const parsed = JSON.parse(v);
    // A Feature or a one-feature collection is accepted too: people paste what tools export.
    if (parsed?.type === "Feature") return parsed.geometry;
    if (parsed?.type === "FeatureCollection" && parsed.features?.length === 1)
      return parsed.features[0].geometry;
    return parsed;
  } catch {
    return undefined;
  }
}, geometrySchema);

export const coverageAreaInputSchema = z.object({
  name: text().trim().min(2, "Enter a name").max(80),
  technology: z.enum(["FIBRE", "WIRELESS", "LTE"], { error: "Choose a technology" }),
  status: z.enum(["LIVE", "PLANNED"]).default("LIVE"),
  geometry: geometryInput,
  /** Products sold in this area; omitted means "leave as is" on update. */
  productIds: z.array(id()).max(1000).optional(),
});

export type CoverageAreaInput = z.input<typeof coverageAreaInputSchema>;

/** The edit form: the area's fields and which area. */
export const coverageAreaUpdateSchema = coverageAreaInputSchema.extend({ id: z.string().min(1) });

export const coverageAreaIdSchema = z.object({ id: z.string().min(1) });
