// The security headers every response carries, set by proxy.ts. Pages get a nonce-based
// Content-Security-Policy (Next puts the nonce on its own scripts, read from the request's CSP
// header; see Next's CSP guide); Stripe's origins are allowed only on pages that load Stripe.js,
// and only when card payments are configured. Responses that are not pages get a policy that
// allows nothing but keeps them out of frames.

export type SecurityHeaderOptions = {
  pathname: string;
  nonce: string;
  /** APP_URL is https: HSTS, upgrade-insecure-requests. */
  https: boolean;
  /** Card payments are configured (Stripe keys set). */
  cardPayments: boolean;
  /** next dev: React needs eval for its error overlay, and styles come inline. */
  dev: boolean;
};

/** Pages that load Stripe.js (portal payment pages join this list when they arrive). */
const STRIPE_PAGES = [/^\/order(\/|$)/];

const STRIPE = {
  script: ["https://js.stripe.com", "https://*.js.stripe.com"],
  connect: ["https://api.stripe.com"],
  frame: [
    "https://js.stripe.com",
    "https://*.js.stripe.com",
    "https://hooks.stripe.com",
    "https://m.stripe.network",
  ],
};

/**
 * Map tiles come from tile.openstreetmap.org (components/storefront/coverage-map.tsx and
 * components/admin/polygon-draw-map.tsx); the ISP's logo may be any https URL (Settings →
 * Branding), so images may come from any https origin. Images cannot run code.
 */
const IMAGE_SOURCES = ["'self'", "data:", "blob:", "https:"];

/** Routes that return files or JSON rather than pages. */
const NOT_A_PAGE = [
  /^\/api\//,
  /^\/_next\/(static|image)\//,
  /^\/admin\/mail\/[^/]+\/attachments\//,
];
/** PDFs: Chrome's viewer draws them in a page of its own whose inline styles a fetch policy would block. */
const PDF = /\/pdf$/;

export function contentSecurityPolicy(o: SecurityHeaderOptions): string {
  if (NOT_A_PAGE.some((re) => re.test(o.pathname))) {
    return PDF.test(o.pathname)
      ? "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
      : "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  }
  const stripe = o.cardPayments && STRIPE_PAGES.some((re) => re.test(o.pathname));
  const nonce = `'nonce-${o.nonce}'`;
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    [
      "script-src",
      [
        "'self'",
        nonce,
        "'strict-dynamic'",
        ...(stripe ? STRIPE.script : []),
        ...(o.dev ? ["'unsafe-eval'"] : []),
      ],
    ],
    ["style-src", ["'self'", o.dev ? "'unsafe-inline'" : nonce]],
    // React renders style={{…}} as attributes (map legend colours, progress bars); an attribute
    // cannot load or run anything.
    ["style-src-attr", ["'unsafe-inline'"]],
    ["img-src", IMAGE_SOURCES],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'", ...(stripe ? STRIPE.connect : [])]],
    ["frame-src", stripe ? STRIPE.frame : ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  const policy = directives.map(([name, values]) => `${name} ${values.join(" ")}`);
  if (o.https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** Every header for one response; the CSP also goes on the request, where Next finds the nonce. */
export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(o),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy":
      'camera=(), microphone=(), geolocation=(self), payment=(self "https://js.stripe.com")',
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(o.https && { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }),
  };
}
