// Who is on the other end of a request, once X-Forwarded-For has been weighed against
// TRUSTED_PROXIES (see client-ip.ts). Pure functions, so lib/env.ts can validate with them.
import { BlockList, isIP } from "node:net";

export type TrustedProxies =
  { kind: "none" } | { kind: "hops"; count: number } | { kind: "list"; list: BlockList };

/** "1.2.3.4", "[::1]:443", "1.2.3.4:5678", "::ffff:1.2.3.4" → a bare address (IPv4 plain), or null. */
export function normalizeIp(raw: string | null | undefined): string | null {
  let v = raw?.trim().replace(/^"|"$/g, "");
  if (!v) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  v = v.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v);
  if (mapped) v = mapped[1];
  return isIP(v) ? v : null;
}

/** Parses TRUSTED_PROXIES; lib/env.ts validates it with the same function at start-up. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const v = value?.trim();
  if (!v) return { kind: "none" };
  if (/^\d+$/.test(v)) {
    const count = Number(v);
    return count === 0 ? { kind: "none" } : { kind: "hops", count };
  }
  const list = new BlockList();
  for (const part of v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefix] = part.split("/");
    const ip = normalizeIp(address);
    if (!ip) throw new Error(`TRUSTED_PROXIES: "${part}" is not an IP address or CIDR range`);
    const type = isIP(ip) === 6 ? "ipv6" : "ipv4";
    const max = type === "ipv6" ? 128 : 32;
    const bits = prefix === undefined ? max : Number(prefix);
    if (!/^\d+$/.test(prefix ?? String(max)) || bits > max)
      throw new Error(`TRUSTED_PROXIES: "${part}" has an invalid prefix length`);
    list.addSubnet(ip, bits, type);
  }
  return { kind: "list", list };
}

/** The client's address from the socket address and the X-Forwarded-For chain; null when unknown. */
export function resolveClientIp(opts: {
  socket: string | null | undefined;
  forwardedFor: string | null | undefined;
  trusted: TrustedProxies;
}): string | null {
  const socket = normalizeIp(opts.socket);
  const { trusted } = opts;
  if (trusted.kind === "none") return socket;
  const hops = (opts.forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (trusted.kind === "hops") {
    // The socket peer is hop 1, the rightmost forwarded entry hop 2, and so on.
    const chain: (string | null | undefined)[] = [...hops, opts.socket];
    return normalizeIp(chain[Math.max(0, chain.length - 1 - trusted.count)]);
  }
  // Without the socket address nothing can be checked against the list.
  if (!socket) return null;
  const isTrusted = (ip: string) => trusted.list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
  let current = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(current)) return current;
    const next = normalizeIp(hops[i]);
    if (!next) return null; // a trusted proxy would never forward garbage: the client is unknown
    current = next;
  }
  return current;
}
