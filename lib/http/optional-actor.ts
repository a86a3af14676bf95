// For endpoints that answer everyone but tell staff more (/api/ready): the API key in the
// Authorization header or the signed-in user, else null. Never throws — a bad key or an
// unreachable database means "anonymous", so the endpoint still answers.
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { Actor } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";

export async function optionalActor(req: Request): Promise<Actor | null> {
  const authorization = req.headers.get("authorization");
  try {
    return authorization ? await authenticateApiKey(authorization) : await currentActor();
  } catch {
    return null;
  }
}
