import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(async ({ actor }) => ({
  name: actor.name,
  role: actor.kind === "system" ? "SYSTEM" : actor.role,
}));
