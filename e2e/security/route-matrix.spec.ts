import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { operationPath } from "@/lib/http/define-operation";
import { OPERATIONS } from "@/lib/http/openapi/operations";
import { responseMismatch } from "@/lib/http/openapi/conformance";
import {
  ACTIONS,
  ADMIN_PAGES,
  API_EXTRAS,
  API_REAL_IDS,
  API_SWITCHED_OFF,
  expectAction,
  expectPage,
  holds,
  PORTAL_PAGES,
  type ActionClass,
} from "../support/access-rules";
import { principals, type Knocker } from "../support/principals";
import {
  apiRoutes,
  fillPattern,
  layoutPermission,
  pagePatterns,
  streamedPages,
} from "../support/route-tree";
import { NO_SUCH_ID, securityWorld, type World } from "../support/security-world";
import { callAction, formArgs, serverActions, type ServerAction } from "../support/server-actions";

// Every page under /admin and /portal, every route handler under /api and every server action,
// generated from the route tree, × every principal: nobody, two customers, each staff role by
// session and by API key. The expected answer comes from lib/auth/roles.ts through the tables in
// e2e/support/access-rules.ts; a route the tables do not know fails, so nothing new ships
// without a decision about who may use it.
//
// Server actions are posted to their page with their id, as a browser would, with empty input:
// who may call them (and with which permission) must be settled before input is read, so the
// answer tells "refused" from "let through" without changing any data.

let world: World;
let knockers: Knocker[];
let cells = 0;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(120_000);
  world = await securityWorld();
  knockers = await principals(playwright, world);
});
test.afterAll(async () => {
  console.log(
    `[security] route × principal matrix: ${cells} requests (${knockers.length} principals)`,
  );
  await Promise.all(knockers.map((k) => k.ctx.dispose()));
});

const who = (k: Knocker) => k.name;

test.describe("[security] pages × principals", () => {
  for (const [surface, table] of [
    ["admin", ADMIN_PAGES],
    ["portal", PORTAL_PAGES],
  ] as const) {
    test(`every ${surface} page in the route tree has a rule`, () => {
      const unknown = pagePatterns(surface).filter((p) => !(p in table));
      expect(unknown, "pages without a rule in e2e/support/access-rules.ts").toEqual([]);
    });

    const streamed = streamedPages(surface);
    for (const pattern of pagePatterns(surface).filter((p) => p in table)) {
      test(`${pattern}`, async () => {
        const rule = table[pattern];
        const paths: { url: string; real: boolean }[] = [];
        const realId = rule.id ? world.ids[rule.id] : null;
        if (!rule.id || realId) paths.push({ url: fillPattern(pattern, realId ?? ""), real: true });
        if (rule.id) paths.push({ url: fillPattern(pattern, NO_SUCH_ID), real: false });
        for (const { url, real } of paths) {
          for (const k of knockers) {
            const res = await k.ctx.get(url, { maxRedirects: 0, failOnStatusCode: false });
            cells++;
            const want = expectPage(surface, rule, k, real);
            const label = `${who(k)} GET ${url}`;
            // Next marks a 403/404 rendered in the stream with this digest; a page shown in full
            // has none. Under a loading.tsx the status is already 200 when the page refuses.
            const refusal = (await res.text()).match(/NEXT_HTTP_ERROR_FALLBACK;(\d+)/)?.[1];
            // A section layout's permission check runs before anything streams: a real 403.
            const guard = layoutPermission(pattern);
            const refusedAbove = want.status === 403 && guard !== null && !holds(k, guard);
            if (
              streamed.has(pattern) &&
              !refusedAbove &&
              (want.status === 403 || want.status === 404)
            ) {
              expect(res.status(), label).toBe(200);
              expect(refusal, `${label} shows the ${want.status} page`).toBe(String(want.status));
            } else {
              expect(res.status(), label).toBe(want.status);
              if (want.status === 200) expect(refusal, `${label} shows the page`).toBeUndefined();
            }
            if (want.location)
              expect(res.headers().location ?? "", `${label} goes to`).toMatch(
                new RegExp(`^(https?://[^/]+)?${want.location}`),
              );
          }
        }
      });
    }
  }
});

test.describe("[security] API routes × principals", () => {
  const routes = apiRoutes().flatMap((r) => r.methods.map((m) => ({ method: m, ...r })));
  const operationOf = (method: string, pattern: string) =>
    OPERATIONS.find(
      (op) => op.method === method && operationPath(op).replace(/\{(\w+)\}/g, "[$1]") === pattern,
    );

  test("every route handler is a declared operation or has a rule", () => {
    const unknown = routes
      .filter((r) => !operationOf(r.method, r.pattern) && !API_EXTRAS[`${r.method} ${r.pattern}`])
      .map((r) => `${r.method} ${r.pattern}`);
    expect(unknown, "routes without a declaration or a rule").toEqual([]);
  });

  for (const { method, pattern } of routes) {
    test(`${method} ${pattern}`, async () => {
      const op = operationOf(method, pattern);
      const extra = API_EXTRAS[`${method} ${pattern}`];
      const idKind = API_REAL_IDS[pattern.split("/")[3] ?? ""];
      const realId = (idKind && world.ids[idKind]) || NO_SUCH_ID;
      // Reads use real records; writes aim at a record that does not exist, with an empty body.
      const url = op
        ? fillPattern(pattern, method === "GET" ? realId : NO_SUCH_ID)
        : extra.path(world);
      test.skip(url === null, "no such record in the demo data");
      for (const k of knockers) {
        const res = await k.ctx.fetch(url!, {
          method,
          ...(method !== "GET" && { data: {} }),
          maxRedirects: 0,
          failOnStatusCode: false,
        });
        cells++;
        const status = res.status();
        const label = `${who(k)} ${method} ${url}`;
        expect(status, label).toBeLessThan(500);
        if (!op) {
          const want = extra.expect(k);
          if (want === "any-4xx-or-less") expect(status, label).toBeLessThan(500);
          else expect(status, label).toBe(want);
          continue;
        }
        if (API_SWITCHED_OFF.has(`${method} ${pattern}`)) {
          expect(status, label).toBe(404);
          continue;
        }
        const keyed = Boolean(op.roles);
        const want = !keyed
          ? "allowed"
          : k.kind !== "api-key"
            ? 401
            : op.roles!.includes(k.role)
              ? "allowed"
              : 403;
        if (want === "allowed") expect([401, 403], label).not.toContain(status);
        else expect(status, label).toBe(want);
        const type = res.headers()["content-type"] ?? "";
        if (type.includes("json"))
          expect(responseMismatch(op, status, await res.json()), label).toBeNull();
      }
    });
  }
});

/** Server actions as the source declares them: exports of "use server" files under app/. */
function declaredActions(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return declaredActions(full);
    if (!/\.tsx?$/.test(e.name)) return [];
    const source = readFileSync(full, "utf8");
    if (!/^\s*["']use server["']/.test(source)) return [];
    // `export async function x` or `export const x = defineAction(…)`.
    return [...source.matchAll(/export\s+(?:async\s+function|const)\s+(\w+)/g)].map(
      (m) => `${full}#${m[1]}`,
    );
  });
}

function classify(outcome: { status: number; redirect: string | null; body: string }) {
  if (outcome.redirect?.startsWith("/signin")) return "signin";
  if (outcome.redirect?.startsWith("/portal")) return "portal";
  if (outcome.redirect?.startsWith("/admin")) return "admin";
  if (outcome.status === 403 || outcome.body.includes('"code":"FORBIDDEN"')) return "forbidden";
  return "allowed";
}

test.describe("[security] server actions × principals", () => {
  const declared = declaredActions();

  test("every server action has a rule, and the build exposes no other", () => {
    const built = serverActions().map((a) => a.key);
    expect(
      declared.filter((k) => !ACTIONS[k]),
      "actions without a rule",
    ).toEqual([]);
    expect(
      built.filter((k) => !ACTIONS[k]),
      "built actions without a rule",
    ).toEqual([]);
  });

  for (const key of declared.filter((k) => ACTIONS[k])) {
    test(key, async () => {
      const action = serverActions().find((a) => a.key === key);
      test.skip(!action, "not used by any page, so not reachable");
      const pageId = action!.page.includes("[")
        ? fillPattern(action!.page, pageIdFor(action!, world))
        : action!.page;
      for (const k of knockers) {
        const args = ACTIONS[key].args?.(world) ?? formArgs();
        const outcome = await callAction(k.ctx, action!, pageId, args);
        cells++;
        const label = `${who(k)} → ${key} (on ${pageId})`;
        expect(outcome.status, `${label}: ${outcome.body.slice(0, 300)}`).toBeLessThan(500);
        const want: ActionClass = expectAction(ACTIONS[key], k);
        expect(classify(outcome), label).toBe(want);
      }
    });
  }
});

/** A real record for the page an action lives on, so its page renders for allowed roles. */
function pageIdFor(action: ServerAction, w: World): string {
  if (action.page.startsWith("/admin/orders")) return w.ids.order ?? NO_SUCH_ID;
  if (action.page.startsWith("/admin/customers")) return w.ids.customerA;
  if (action.page.startsWith("/admin/invoices")) return w.ids.invoiceA;
  if (action.page.startsWith("/admin/catalog")) return w.ids.product;
  if (action.page.startsWith("/admin/coverage")) return w.ids.area;
  if (action.page.startsWith("/admin/payments")) return w.ids.paymentA ?? NO_SUCH_ID;
  if (action.page.startsWith("/admin/webhooks")) return w.ids.webhook ?? NO_SUCH_ID;
  return NO_SUCH_ID;
}
