import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIResponse, type BrowserContext, type Page } from "@playwright/test";
import { E2E, storageStateFor } from "./support/env";

// [security] Security headers on every response, a nonce-based CSP that the pages live with (no
// violation anywhere), and a sign-in page that no other site can frame.

const EXPECTED: Record<string, RegExp> = {
  "content-security-policy": /frame-ancestors 'none'/,
  "x-content-type-options": /^nosniff$/,
  "x-frame-options": /^DENY$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "permissions-policy": /camera=\(\), microphone=\(\), geolocation=\(self\)/,
  "cross-origin-opener-policy": /^same-origin$/,
};

function expectSecurityHeaders(res: APIResponse) {
  const headers = res.headers();
  for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], name).toMatch(value);
}

/** Collects CSP violations the page reports, from the DOM event and from the console. */
async function watchCsp(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction("__reportCsp", (v: string) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI} on ${location.pathname}`,
      ),
    );
  });
  context.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

// A 1×1 PNG standing in for OpenStreetMap's tiles (this machine has no internet).
const TILE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function serveTiles(page: Page): Promise<() => number> {
  let served = 0;
  await page.route("https://tile.openstreetmap.org/**", (route) => {
    served++;
    return route.fulfill({ contentType: "image/png", body: TILE });
  });
  return () => served;
}

test.describe("[security] headers and framing", () => {
  test("the sign-in page cannot be framed by another origin", async ({ page }) => {
    // Another origin (another port) that frames a page of its own and our sign-in page.
    const other = http.createServer((req, res) => {
      res.setHeader("content-type", "text/html");
      if (req.url === "/own") return res.end("<p id='own'>framed fine</p>");
      res.end(`<!doctype html><script>window.loaded = 0</script>
        <iframe id="own" src="/own" onload="window.loaded++"></iframe>
        <iframe id="victim" src="${E2E.baseUrl}/signin" onload="window.loaded++" width="600" height="500"></iframe>`);
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const port = (other.address() as AddressInfo).port;
    const refused: string[] = [];
    page.on("console", (m) => refused.push(m.text()));
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => (window as unknown as { loaded: number }).loaded === 2);
      // Frames work in general…
      await expect(page.frameLocator("#own").locator("#own")).toHaveText("framed fine");
      // …but not ours: the browser refuses it and shows nothing of the sign-in page.
      await expect(page.frameLocator("#victim").getByLabel("Password")).toHaveCount(0);
      await expect(
        page.frameLocator("#victim").getByRole("button", { name: "Sign in" }),
      ).toHaveCount(0);
      expect(refused.join("\n")).toMatch(/frame-ancestors|X-Frame-Options/);
    } finally {
      other.close();
    }
  });

  test("headers are on a page, an API route and a PDF route", async ({ browser, request }) => {
    const page = await request.get("/signin");
    expect(page.status()).toBe(200);
    expectSecurityHeaders(page);
    const csp = page.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("stripe"); // card payments are not configured in this demo
    // The nonce in the header is the one on Next's scripts, and it changes per request.
    const nonce = /'nonce-([\w+/=]+)'/.exec(csp)![1];
    expect(await page.text()).toContain(`nonce="${nonce}"`);
    const again = (await request.get("/signin")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);

    const api = await request.get("/api/v1/me");
    expect(api.status()).toBe(401);
    expectSecurityHeaders(api);
    expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");

    const context = await browser.newContext({ storageState: storageStateFor("CUSTOMER") });
    const portal = await context.newPage();
    await portal.goto("/portal/invoices");
    await portal.locator('a[href^="/portal/invoices/"]').first().click();
    const href = await portal.getByRole("link", { name: "View PDF" }).getAttribute("href");
    const pdf = await portal.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expectSecurityHeaders(pdf);
    await context.close();

    // Printed here so the report can quote a real response.
    console.log(
      `[security] headers of GET /signin:\n${Object.entries(page.headers())
        .map(([k, v]) => `${k}: ${v}`)
        .join("\n")}`,
    );
  });

  test("client IPs come from the socket: forwarded headers from a client are not believed", async ({
    browser,
  }) => {
    const spoofing = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": "6.6.6.6", "x-lastmile-socket-ip": "7.7.7.7" },
    });
    const page = await spoofing.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(E2E.users.SUPPORT);
    await page.getByLabel("Password").fill(E2E.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await spoofing.close();

    const staff = await browser.newContext({ storageState: storageStateFor("ADMIN") });
    const admin = await staff.newPage();
    await admin.goto("/admin/audit?action=auth.sign_in");
    const newest = admin.getByRole("row").filter({ hasText: E2E.users.SUPPORT.split("@")[0] });
    await expect(newest.first()).toContainText("127.0.0.1");
    await expect(admin.getByText("6.6.6.6")).toHaveCount(0);
    await expect(admin.getByText("7.7.7.7")).toHaveCount(0);
    await staff.close();
  });
});

test.describe("[security] the pages live with their CSP", () => {
  test("no CSP violation on the storefront, the coverage map and the order wizard", async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const violations = await watchCsp(context);
    const page = await context.newPage();
    const tiles = await serveTiles(page);
    const stripeRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("stripe")) stripeRequests.push(r.url());
    });

    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Fibre 100" })).toBeVisible();

    await page.goto("/coverage");
    await page.getByRole("combobox", { name: "Your street address" }).fill("Dorp Street");
    await page.getByRole("option").first().click();
    await expect(page.getByRole("heading", { name: "Good news: you are covered" })).toBeVisible();
    // The map's tiles were requested (CSP let them through) and drawn.
    await expect(page.locator("img.leaflet-tile-loaded").first()).toBeVisible();
    expect(tiles()).toBeGreaterThan(0);

    await page.getByRole("link", { name: "Choose Fibre 100" }).click();
    await expect(page.getByRole("heading", { name: "Sign up" })).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("First name").fill("Csp");
    await page.getByLabel("Last name").fill("Checker");
    await page.getByLabel(/ID or passport number/).fill("8806155800081");
    await page.getByLabel("Email").fill(`csp.${Date.now()}@example.test`);
    await page.getByLabel("Mobile number").fill("+27 82 555 0100");
    await page.getByLabel("Choose a password").fill("csp-checker-pass");
    await page.getByLabel(/I accept the terms/).check();
    await page.getByLabel(/I agree that my personal information/).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Account holder").fill("C Checker");
    await page.getByLabel("Account number or IBAN").fill("62812345678");
    await page.getByLabel(/Branch code/).fill("250655");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("article", { name: "Internet Service Agreement" })).toBeVisible();
    await expect(page.getByTestId("signature-pad")).toBeVisible();
    // Card payments are off in this demo: nothing was fetched from Stripe.
    expect(stripeRequests).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });

  test("no CSP violation on the admin dashboard and the coverage editor", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("ADMIN") });
    const violations = await watchCsp(context);
    const page = await context.newPage();
    await serveTiles(page);
    await page.goto("/admin");
    await expect(page.getByText("Boland Fibre at a glance")).toBeVisible();
    await page.goto("/admin/coverage/new");
    await expect(page.locator(".leaflet-container").first()).toBeVisible();
    expect(violations).toEqual([]);
    await context.close();
  });
});
