// The API document cannot drift from the routes: every route file under app/api/v1 (and the
// storefront helpers) has each exported method in /api/v1/openapi.json, bound to the operation
// declared for exactly that path and method; and every declared operation has its route.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { defineOperation, operationPath, type OperationSpec } from "@/lib/http/define-operation";
import { openApiDocument } from "@/lib/http/openapi/document";
import { OPERATIONS } from "@/lib/http/openapi/operations";
import { responseMismatch } from "@/lib/http/openapi/conformance";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ROOTS = ["app/api/v1", "app/api/storefront", "app/api/rails"];

/** Route files below `dir`, with the URL path their folders spell (`[id]` → `{id}`). */
function routeFiles(dir: string): { file: string; urlPath: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    if (e.name !== "route.ts") return [];
    const urlPath = `/${path.relative("app", dir)}`.replace(/\[([^\]]+)\]/g, "{$1}");
    return [{ file: full, urlPath }];
  });
}

const routes = ROOTS.flatMap(routeFiles);
const doc = openApiDocument("http://localhost") as unknown as {
  paths: Record<string, Record<string, unknown>>;
};

describe("every route is documented", () => {
  test("the walk finds the API's route files", () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  test.each(routes)("$urlPath", async ({ file, urlPath }) => {
    const mod = (await import(path.resolve(file))) as Record<string, unknown>;
    const exported = METHODS.filter((m) => m in mod);
    expect(exported.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
    for (const method of exported) {
      const docPath = urlPath.startsWith("/api/v1/") ? urlPath.slice("/api/v1".length) : urlPath;
      expect(
        doc.paths[docPath]?.[method.toLowerCase()],
        `${method} ${urlPath} is not in the OpenAPI document`,
      ).toBeDefined();
      const op = (mod[method] as { operation?: OperationSpec }).operation;
      expect(op, `${method} ${urlPath} is not bound with apiOperation()`).toBeDefined();
      expect(`${op!.method} ${operationPath(op!)}`).toBe(`${method} ${urlPath}`);
    }
  });

  test("every declared operation has its route", () => {
    const served = new Set(routes.map((r) => r.urlPath));
    const missing = OPERATIONS.filter((op) => !served.has(operationPath(op)));
    expect(missing.map((op) => `${op.method} ${operationPath(op)}`)).toEqual([]);
  });

  test("operation ids are unique", () => {
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).flatMap((o) =>
        o && typeof o === "object" && "operationId" in o ? [o.operationId] : [],
      ),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("a response is checked against its documentation", () => {
  const op = defineOperation({
    method: "GET",
    path: "/things/{id}",
    tag: "Test",
    summary: "a thing",
    roles: ["ADMIN"],
    responses: { 200: z.object({ id: z.string(), tags: z.array(z.object({ name: z.string() })) }) },
  });

  test("exactly the schema passes", () => {
    expect(responseMismatch(op, 200, { id: "a", tags: [{ name: "x" }] })).toBeNull();
    expect(responseMismatch(op, 403, { error: { code: "FORBIDDEN", message: "no" } })).toBeNull();
  });

  test("an undocumented field, a wrong type or an undeclared status does not", () => {
    expect(responseMismatch(op, 200, { id: "a", tags: [{ name: "x", secret: 1 }] })).toMatch(
      /does not document: \.tags\[0\]\.secret/,
    );
    expect(responseMismatch(op, 200, { id: 1, tags: [] })).toMatch(/does not match/);
    expect(responseMismatch(op, 201, { id: "a", tags: [] })).toMatch(/does not document/);
    expect(responseMismatch(op, 409, { error: { code: "CONFLICT", message: "x" } })).toMatch(/409/);
  });
});
