import { afterEach, describe, expect, test } from "vitest";
import { clientIp, SOCKET_IP_HEADER } from "./client-ip";
import { normalizeIp, parseTrustedProxies, resolveClientIp } from "./forwarded-chain";

const resolve = (trusted: string | undefined, socket: string | null, xff?: string) =>
  resolveClientIp({ socket, forwardedFor: xff, trusted: parseTrustedProxies(trusted) });

describe("client IP behind proxies", () => {
  test("without TRUSTED_PROXIES a spoofed X-Forwarded-For is ignored: the socket address counts", () => {
    expect(resolve(undefined, "198.51.100.7", "1.2.3.4")).toBe("198.51.100.7");
    expect(resolve("", "198.51.100.7", "1.2.3.4, 10.0.0.1")).toBe("198.51.100.7");
    expect(resolve("0", "198.51.100.7", "1.2.3.4")).toBe("198.51.100.7");
    expect(resolve(undefined, null, "1.2.3.4")).toBeNull();
  });

  test("a CIDR list: walks from the right past trusted proxies to the first untrusted hop", () => {
    const trusted = "10.0.0.0/8, 192.168.1.1, fd00::/8";
    // client → (spoofs 6.6.6.6) → 10.1.1.1 (edge proxy) → 192.168.1.1 (nginx) → app
    expect(resolve(trusted, "192.168.1.1", "6.6.6.6, 203.0.113.9, 10.1.1.1")).toBe("203.0.113.9");
    expect(resolve(trusted, "::ffff:192.168.1.1", "203.0.113.9")).toBe("203.0.113.9");
    expect(resolve(trusted, "fd00::2", "2001:db8::5")).toBe("2001:db8::5");
    // The peer is not a trusted proxy: its header is not believed.
    expect(resolve(trusted, "198.51.100.7", "6.6.6.6")).toBe("198.51.100.7");
    // Every hop trusted: the leftmost is the best there is.
    expect(resolve(trusted, "10.0.0.1", "10.0.0.2")).toBe("10.0.0.2");
    expect(resolve(trusted, "10.0.0.1", undefined)).toBe("10.0.0.1");
    // A trusted proxy never forwards garbage, so the client is unknown.
    expect(resolve(trusted, "10.0.0.1", "not-an-ip")).toBeNull();
    // Without the socket address nothing can be checked.
    expect(resolve(trusted, null, "203.0.113.9")).toBeNull();
  });

  test("a hop count trusts that many nearest hops and no more", () => {
    // One proxy (e.g. nginx) appends what it saw: the rightmost entry.
    expect(resolve("1", "10.0.0.1", "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    // Two proxies: the second from the right.
    expect(resolve("2", "10.0.0.1", "6.6.6.6, 203.0.113.9, 10.0.0.9")).toBe("203.0.113.9");
    // Fewer entries than hops: the leftmost one.
    expect(resolve("3", "10.0.0.1", "203.0.113.9")).toBe("203.0.113.9");
    expect(resolve("1", "10.0.0.1", undefined)).toBe("10.0.0.1");
  });

  test("addresses are shown plainly: IPv4-mapped IPv6 as IPv4, ports and brackets dropped", () => {
    expect(normalizeIp("::ffff:1.2.3.4")).toBe("1.2.3.4");
    expect(normalizeIp("::FFFF:1.2.3.4")).toBe("1.2.3.4");
    expect(normalizeIp("1.2.3.4:5678")).toBe("1.2.3.4");
    expect(normalizeIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeIp("unknown")).toBeNull();
    expect(normalizeIp("")).toBeNull();
  });

  test("a TRUSTED_PROXIES value that is neither a count nor CIDRs is refused", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/prefix/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/not an IP/);
    expect(() => parseTrustedProxies("10.0.0.0/x")).toThrow(/prefix/);
  });
});

describe("clientIp(headers)", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXIES;
    delete process.env.LASTMILE_SOCKET_IP_HEADER;
  });

  test("believes the socket header only when scripts/start.ts says it writes it", () => {
    const h = new Headers({
      [SOCKET_IP_HEADER]: "::ffff:198.51.100.7",
      "x-forwarded-for": "6.6.6.6",
    });
    expect(clientIp(h)).toBeNull();
    process.env.LASTMILE_SOCKET_IP_HEADER = "true";
    expect(clientIp(h)).toBe("198.51.100.7");
    process.env.TRUSTED_PROXIES = "198.51.100.0/24";
    expect(clientIp(h)).toBe("6.6.6.6");
    // next-auth hands authorize() a plain object.
    expect(clientIp({ [SOCKET_IP_HEADER]: "198.51.100.7", "x-forwarded-for": ["5.5.5.5"] })).toBe(
      "5.5.5.5",
    );
  });
});
