"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { csvMappingSchema } from "@/lib/bank/csv-mapping-schema";
import { mapCsvFile } from "@/lib/bank/map-csv-file";
import { defineAction } from "@/lib/http/define-action";

const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional());

export const mapCsvAction = defineAction({
  who: "staff",
  permission: "banking:write",
  schema: csvMappingSchema.extend({
    fileId: z.string().min(1).max(64),
    amount: optional,
    credit: optional,
    debit: optional,
    payer: optional,
    balance: optional,
    decimalComma: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  }),
  returnTo: "/admin/bank/imports",
  handler: async ({ actor, input }) => {
    const { fileId, ...mapping } = input;
    const r = await mapCsvFile({ actor, fileId, mapping });
    revalidatePath(`/admin/bank/imports/${fileId}`);
    return `Imported with the saved columns: ${r.matchedCount} matched, ${r.reviewCount} to review.`;
  },
});
