import { apiOperation } from "@/lib/http/api-operation";
import { getMe } from "@/lib/http/openapi/account";

export const GET = apiOperation(getMe, async ({ actor }) => ({
  name: actor.name,
  role: actor.kind === "system" ? "SYSTEM" : actor.role,
}));
