// Who is on the other end of a request, for rate limits, the audit log and the IP printed on a
// signed contract. X-Forwarded-For is written by whoever sent the request, so it is believed only
// as far as TRUSTED_PROXIES says: unset, the socket address alone counts; a hop count N trusts the
// N nearest hops; a CIDR list trusts those addresses. The list is walked from the right (the
// entry the nearest proxy appended), so a client cannot push a fake address in front of it.
import { headers as requestHeaders } from "next/headers";
import { env } from "@/lib/env";
import { parseTrustedProxies, resolveClientIp, type TrustedProxies } from "./forwarded-chain";

/**
 * scripts/start.ts writes the socket's remote address into this header on every request,
 * replacing anything the client sent, and sets LASTMILE_SOCKET_IP_HEADER so it is believed.
 */
export const SOCKET_IP_HEADER = "x-lastmile-socket-ip";

type HeaderSource =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>
  | null
  | undefined;

function header(h: HeaderSource, name: string): string | null {
  if (!h) return null;
  if (typeof h.get === "function") return (h as { get(n: string): string | null }).get(name);
  const v = (h as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join(", ") : (v ?? null);
}

let parsed: { value: string | undefined; trusted: TrustedProxies } | undefined;
function trustedProxies(): TrustedProxies {
  const value = env.TRUSTED_PROXIES;
  if (!parsed || parsed.value !== value) parsed = { value, trusted: parseTrustedProxies(value) };
  return parsed.trusted;
}

/** The client's IP for a request's headers (a Request's, next/headers', or next-auth's object). */
export function clientIp(headers: HeaderSource): string | null {
  return resolveClientIp({
    socket: env.LASTMILE_SOCKET_IP_HEADER ? header(headers, SOCKET_IP_HEADER) : null,
    forwardedFor: header(headers, "x-forwarded-for"),
    trusted: trustedProxies(),
  });
}

/** The client's IP in a server action or page. */
export async function requestIp(): Promise<string | null> {
  return clientIp(await requestHeaders());
}
