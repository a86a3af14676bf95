import { apiOperation, reply } from "@/lib/http/api-operation";
import { uploadBankFileOp } from "@/lib/http/openapi/bank";
import { importBankFile } from "@/lib/bank/import-bank-file";

export const POST = apiOperation(uploadBankFileOp, async ({ actor, body, query, files }) => {
  const file = files.file;
  const result = await importBankFile({
    actor,
    fileName: file.name,
    content: Buffer.from(await file.arrayBuffer()),
    acceptUnknownAccount: (body.acceptUnknownAccount ?? query.acceptUnknownAccount) === "true",
  });
  return reply(201, result);
});
