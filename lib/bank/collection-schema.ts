import { z } from "zod";
import { CSV_TEMPLATE_NAMES } from "./csv-templates";

export const collectionFormatSchema = z.union([
  z.enum(["pain.008.001.08", "pain.008.001.02"]),
  z.templateLiteral(["csv:", z.enum(CSV_TEMPLATE_NAMES)]),
]);

export const createBatchSchema = z.object({
  collectionDate: z.iso.date(),
  format: collectionFormatSchema.optional(),
});
