import { apiOperation } from "@/lib/http/api-operation";
import { createNasOperation, listNasOperation } from "@/lib/http/openapi/network";
import { createNas } from "@/lib/network/create-nas";
import { listNas } from "@/lib/network/list-nas";

export const GET = apiOperation(listNasOperation, async ({ actor }) => ({
  data: await listNas({ actor }),
}));

export const POST = apiOperation(createNasOperation, async ({ actor, body }) =>
  createNas({ actor, input: body }),
);
