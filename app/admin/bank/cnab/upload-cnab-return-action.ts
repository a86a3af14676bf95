"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { importCnab240Return } from "@/lib/payments/rails/boleto/cnab240/import-cnab240-return";

/** A CNAB 240 return is a few hundred bytes per boleto; 10 MB is far above any bank's file. */
const MAX_CNAB_BYTES = 10 * 1024 * 1024;

export const uploadCnabReturnAction = defineAction({
  who: "staff",
  permission: "banking:write",
  schema: z.object({
    file: z
      .instanceof(File, { message: "Choose a CNAB 240 return file" })
      .refine((f) => f.size > 0, "The file is empty")
      .refine((f) => f.size <= MAX_CNAB_BYTES, "CNAB files are limited to 10 MB"),
  }),
  handler: async ({ actor, input }) => {
    // FEBRABAN files are ISO-8859-1 text.
    const text = Buffer.from(await input.file.arrayBuffer()).toString("latin1");
    const r = await importCnab240Return({ actor, text });
    revalidatePath("/admin/bank/cnab");
    return `${input.file.name}: ${r.entries} entries — ${r.paid} paid, ${r.duplicates} already imported, ${r.unmatched} matched no invoice (listed under Payments → Pix and M-PESA), ${r.other} registrations, rejections or other movements.`;
  },
});
