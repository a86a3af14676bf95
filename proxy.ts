// Next 16's proxy (formerly middleware) runs before every request: a fresh CSP nonce per
// request and the security headers on every response (lib/http/security-headers.ts). The CSP
// also goes on the request, which is where Next reads the nonce for its own scripts.
import { NextResponse, type NextRequest } from "next/server";
import { appUrl, env } from "@/lib/env";
import { securityHeaders } from "@/lib/http/security-headers";
import { isCardPaymentEnabled } from "@/lib/payment-methods/card-payments-enabled";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    https: appUrl().startsWith("https://"),
    cardPayments: isCardPaymentEnabled(),
    dev: env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
