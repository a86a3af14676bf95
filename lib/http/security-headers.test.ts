import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

const base = { nonce: "abc123", https: false, cardPayments: true, dev: false };
const directive = (csp: string, name: string) =>
  csp
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe("security headers", () => {
  test("pages: nonce-based scripts, no framing, no Stripe outside the order page", () => {
    const csp = contentSecurityPolicy({ ...base, pathname: "/coverage" });
    expect(directive(csp, "script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, "style-src")).toBe("'self' 'nonce-abc123'");
    expect(directive(csp, "frame-ancestors")).toBe("'none'");
    expect(directive(csp, "frame-src")).toBe("'none'");
    expect(directive(csp, "object-src")).toBe("'none'");
    expect(directive(csp, "img-src")).toContain("https:"); // OpenStreetMap tiles, ISP logos
    expect(csp).not.toContain("stripe");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  test("Stripe's origins only on /order, and only with card payments configured", () => {
    const order = contentSecurityPolicy({ ...base, pathname: "/order" });
    expect(directive(order, "script-src")).toContain("https://js.stripe.com");
    expect(directive(order, "connect-src")).toBe("'self' https://api.stripe.com");
    expect(directive(order, "frame-src")).toContain("https://hooks.stripe.com");
    expect(directive(order, "frame-src")).toContain("https://m.stripe.network");
    expect(
      contentSecurityPolicy({ ...base, pathname: "/order", cardPayments: false }),
    ).not.toContain("stripe");
    expect(contentSecurityPolicy({ ...base, pathname: "/orders" })).not.toContain("stripe");
  });

  test("API and file responses allow nothing and cannot be framed; PDFs keep the browser viewer working", () => {
    expect(contentSecurityPolicy({ ...base, pathname: "/api/v1/me" })).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    const pdf = contentSecurityPolicy({ ...base, pathname: "/api/contracts/x/pdf" });
    expect(pdf).toContain("frame-ancestors 'none'");
    expect(pdf).not.toContain("default-src");
  });

  test("https adds HSTS and upgrades; dev allows eval and inline styles", () => {
    const https = securityHeaders({ ...base, pathname: "/", https: true });
    expect(https["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(
      securityHeaders({ ...base, pathname: "/" })["Strict-Transport-Security"],
    ).toBeUndefined();
    const dev = contentSecurityPolicy({ ...base, pathname: "/", dev: true });
    expect(directive(dev, "script-src")).toContain("'unsafe-eval'");
    expect(directive(dev, "style-src")).toBe("'self' 'unsafe-inline'");
  });

  test("the fixed headers", () => {
    expect(securityHeaders({ ...base, pathname: "/" })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy":
        'camera=(), microphone=(), geolocation=(self), payment=(self "https://js.stripe.com")',
      "Cross-Origin-Opener-Policy": "same-origin",
    });
  });
});
