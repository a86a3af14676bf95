import { apiOperation, reply } from "@/lib/http/api-operation";
import { uploadBankFileOp } from "@/lib/http/openapi/bank";
import { importBankFile } from "@/lib/bank/import-bank-file";
import { parseCsvMappingJson } from "@/lib/bank/csv-mapping-schema";

export const POST = apiOperation(uploadBankFileOp, async ({ actor, body, query, files }) => {
  const file = files.file;
  const result = await importBankFile({
    actor,
    fileName: file.name,
    content: Buffer.from(await file.arrayBuffer()),
    acceptUnknownAccount: (body.acceptUnknownAccount ?? query.acceptUnknownAccount) === "true",
    csvMapping: body.csvMapping ? parseCsvMappingJson(body.csvMapping) : undefined,
  });
  return reply(201, result);
});
