import { z } from "zod";
import { AppError } from "@/lib/errors";

/** How a bank's CSV statement reads: column names for each field, number and date formats. */
export const csvMappingSchema = z.object({
  name: z.string().trim().min(1).max(100),
  date: z.string().min(1).max(100),
  amount: z.string().max(100).optional(),
  credit: z.string().max(100).optional(),
  debit: z.string().max(100).optional(),
  reference: z.string().min(1).max(100),
  payer: z.string().max(100).optional(),
  balance: z.string().max(100).optional(),
  decimalComma: z.boolean().default(false),
  dateFormat: z.enum(["yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "yyyyMMdd"]),
});

export type CsvMapping = z.infer<typeof csvMappingSchema>;

/** The mapping sent as a JSON form field; a clear 400 naming what is wrong. */
export function parseCsvMappingJson(text: string): CsvMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "csvMapping is not JSON.", { csvMapping: "not JSON" });
  }
  const r = csvMappingSchema.safeParse(raw);
  if (!r.success)
    throw new AppError(
      "VALIDATION",
      "csvMapping is not valid.",
      Object.fromEntries(r.error.issues.map((i) => [`csvMapping.${i.path.join(".")}`, i.message])),
    );
  return r.data;
}
