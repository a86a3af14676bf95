import { headers } from "next/headers";

/** The caller's IP in a server action or page (first X-Forwarded-For hop), for rate limits and audit. */
export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0].trim() || h.get("x-real-ip") || null;
}
