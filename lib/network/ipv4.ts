// IPv4 arithmetic for static IP pools: an address as a 32-bit number, a CIDR block as its first
// and last address. Pure; no dependency needed for this much.
import { isIPv4 } from "node:net";

export const ipToInt = (ip: string): number =>
  ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);

export const intToIp = (n: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");

export type Cidr = { network: number; broadcast: number; prefix: number };

/** "203.0.113.0/26" → its range; null when it is not a canonical IPv4 block. */
export function parseCidr(text: string): Cidr | null {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(text.trim());
  if (!m || !isIPv4(m[1]!)) return null;
  const prefix = Number(m[2]);
  if (prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  const network = ipToInt(m[1]!);
  if (network % size !== 0) return null; // host bits set: 203.0.113.5/26 is ambiguous
  return { network, broadcast: network + size - 1, prefix };
}

export const inCidr = (c: Cidr, ip: string) =>
  isIPv4(ip) && ipToInt(ip) >= c.network && ipToInt(ip) <= c.broadcast;

/** Addresses a pool may hand out: all but network, broadcast (below /31) and the gateway. */
export function* assignable(c: Cidr, gateway: string | null): Generator<string> {
  const edges = c.prefix < 31;
  const gw = gateway ? ipToInt(gateway) : -1;
  for (let n = c.network + (edges ? 1 : 0); n <= c.broadcast - (edges ? 1 : 0); n++)
    if (n !== gw) yield intToIp(n);
}

export const assignableCount = (c: Cidr, gateway: string | null) =>
  c.broadcast - c.network + 1 - (c.prefix < 31 ? 2 : 0) - (gateway ? 1 : 0);
