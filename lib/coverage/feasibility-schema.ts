// Public look-ups of the coverage page and GET /api/v1/feasibility (no database here: the API
// document is generated from these schemas).
import { z } from "zod";
import { text } from "@/lib/http/schemas";

export const feasibilityQuerySchema = z.object({
  lat: z.coerce
    .number({ error: "lat must be a number" })
    .min(-90)
    .max(90)
    .meta({ description: "Latitude (WGS84)" }),
  lng: z.coerce
    .number({ error: "lng must be a number" })
    .min(-180)
    .max(180)
    .meta({ description: "Longitude (WGS84)" }),
});

export const addressQuerySchema = z.object({
  q: text().trim().min(3, "Type at least 3 characters").max(120),
});
