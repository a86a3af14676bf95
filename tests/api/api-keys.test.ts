import { beforeAll, describe, expect, test } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { createIsp } from "@/lib/setup/create-isp";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as auditLog } from "@/app/api/v1/audit-log/route";
import { GET as customers } from "@/app/api/v1/customers/route";

let admin: Actor;
const ctx = { params: Promise.resolve({}) };
const call = async (
  handler: (req: NextRequest, ctx: never) => Promise<Response>,
  path: string,
  key?: string,
) => {
  const res = await handler(
    new NextRequest(`http://localhost${path}`, {
      headers: key ? { authorization: `Bearer ${key}` } : {},
    }),
    ctx as never,
  );
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  const a = await createIsp({
    name: "Key ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "UTC",
    taxRate: 15,
    adminName: "Kim Admin",
    adminEmail: "kim@example.test",
    adminPassword: "long-password-1",
  });
  admin = { kind: "user", id: a.id, role: "ADMIN", name: "Kim Admin" };
});

describe("API key authentication", () => {
  test("a valid key identifies itself and its use is recorded", async () => {
    const key = await createApiKey({ actor: admin, name: "network sync", role: "SUPPORT" });
    expect(key.key).toMatch(/^lm_[\w-]{40,}$/);
    expect(key.key.startsWith(key.prefix)).toBe(true);
    const res = await call(me, "/api/v1/me", key.key);
    expect(res).toEqual({ status: 200, body: { name: "network sync", role: "SUPPORT" } });
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(stored.lastUsedAt).not.toBeNull();
    expect(stored.hash).not.toContain(key.key);
    expect(stored.createdById).toBe(admin.kind === "user" ? admin.id : null);
  });

  test("missing, malformed and unknown keys get 401 with the JSON error shape", async () => {
    for (const key of [undefined, "lm_not-a-real-key"]) {
      const res = await call(me, "/api/v1/me", key);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
    }
    const raw = await me(
      new NextRequest("http://localhost/api/v1/me", { headers: { authorization: "Basic abc" } }),
      ctx as never,
    );
    expect(raw.status).toBe(401);
    expect(raw.headers.get("content-type")).toMatch(/application\/json/);
  });

  test("a revoked key stops working at once; the revocation is audited", async () => {
    const key = await createApiKey({ actor: admin, name: "old integration", role: "ADMIN" });
    expect((await call(me, "/api/v1/me", key.key)).status).toBe(200);
    await revokeApiKey({ actor: admin, id: key.id });
    const res = await call(me, "/api/v1/me", key.key);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHENTICATED");
    expect(await db.auditLog.count({ where: { action: "api_key.revoke", entityId: key.id } })).toBe(
      1,
    );
    expect(await db.auditLog.count({ where: { action: "api_key.create", entityId: key.id } })).toBe(
      1,
    );
    // Listed last, marked revoked, never with the hash.
    const listed = await listApiKeys({ actor: admin });
    expect(listed.at(-1)).toMatchObject({ id: key.id, revokedAt: expect.any(Date) });
    expect(listed.every((k) => !("hash" in k))).toBe(true);
  });

  test("the key's role decides: 403 where it lacks the permission, 200 where it has it", async () => {
    const sales = await createApiKey({ actor: admin, name: "crm", role: "SALES" });
    const adminKey = await createApiKey({ actor: admin, name: "siem", role: "ADMIN" });
    const refused = await call(auditLog, "/api/v1/audit-log", sales.key);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: { code: "FORBIDDEN", message: expect.stringContaining("audit:read") },
    });
    const allowed = await call(auditLog, "/api/v1/audit-log?action=api_key.", adminKey.key);
    expect(allowed.status).toBe(200);
    expect(allowed.body.entries.length).toBeGreaterThan(0);
    expect(
      allowed.body.entries.every((e: { action: string }) => e.action.startsWith("api_key.")),
    ).toBe(true);
    expect((await call(customers, "/api/v1/customers?q=x", sales.key)).status).toBe(200);
  });

  test("invalid query input is a 400 with field messages", async () => {
    const adminKey = await createApiKey({ actor: admin, name: "siem 2", role: "ADMIN" });
    const res = await call(auditLog, "/api/v1/audit-log?from=yesterday", adminKey.key);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: "VALIDATION",
      fields: { from: expect.any(String) },
    });
  });

  test("keys cannot be made for customers, and need a name", async () => {
    await expect(createApiKey({ actor: admin, name: "portal", role: "CUSTOMER" })).rejects.toThrow(
      /staff role/,
    );
    await expect(createApiKey({ actor: admin, name: " ", role: "ADMIN" })).rejects.toThrow(
      /Name the key/,
    );
  });
});
