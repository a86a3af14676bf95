// bank.import-inbox: imports the files in BANK_INBOX_DIR (lib/bank/import-inbox.ts). Every five
// minutes; files are claimed by an atomic rename and imports are idempotent (file hash, entry
// references), so instances sharing the folder never import a file twice.
import { z } from "zod";
import { importInbox } from "@/lib/bank/import-inbox";
import { defineJob } from "../define-job";

export const bankImportInbox = defineJob({
  name: "bank.import-inbox",
  description: "Import bank files dropped into BANK_INBOX_DIR",
  payload: z.object({}),
  cron: "*/5 * * * *",
  handler: ({ step }) => step.run("import", () => importInbox()),
});
