"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { importBankFile, MAX_BANK_FILE_BYTES } from "@/lib/bank/import-bank-file";
import { defineAction } from "@/lib/http/define-action";

export const uploadBankFileAction = defineAction({
  who: "staff",
  permission: "banking:write",
  schema: z.object({
    file: z
      .instanceof(File, { message: "Choose a bank file" })
      .refine((f) => f.size <= MAX_BANK_FILE_BYTES, "Bank files are limited to 50 MB"),
    acceptUnknownAccount: z.literal("true").optional(),
  }),
  returnTo: "/admin/bank/imports",
  handler: async ({ actor, input }) => {
    const result = await importBankFile({
      actor,
      fileName: input.file.name,
      content: Buffer.from(await input.file.arrayBuffer()),
      acceptUnknownAccount: input.acceptUnknownAccount === "true",
    });
    redirect(`/admin/bank/imports/${result.id}`);
  },
});
