import { apiOperation } from "@/lib/http/api-operation";
import { getBankFileOp } from "@/lib/http/openapi/bank";
import { getBankFile } from "@/lib/bank/get-bank-file";

export const GET = apiOperation(getBankFileOp, ({ actor, params }) =>
  getBankFile({ actor, fileId: params.id }),
);
