// Everyone who can knock: nobody, two customers, each staff role signed in, and each staff role's
// API key. Each principal is its own request context (cookies or an Authorization header).
import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { E2E, storageStateFor } from "./env";
import { STAFF, type StaffRole, type World } from "./security-world";

export type Principal =
  | { name: "anonymous"; kind: "anonymous" }
  | { name: "customer A" | "customer B"; kind: "customer"; customerId: string }
  | { name: string; kind: "staff"; role: StaffRole }
  | { name: string; kind: "api-key"; role: StaffRole };

export type Knocker = Principal & { ctx: APIRequestContext };

async function signIn(ctx: APIRequestContext, email: string) {
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: E2E.password, json: "true" },
    maxRedirects: 0,
  });
  expect(res.status(), `sign in as ${email}`).toBeLessThan(400);
  const session = await (await ctx.get("/api/auth/session")).json();
  expect(session?.user?.email, `signed in as ${email}`).toBe(email);
}

export async function principals(
  playwright: PlaywrightWorkerArgs["playwright"],
  world: World,
): Promise<Knocker[]> {
  const base = { baseURL: E2E.baseUrl };
  const customerB = await playwright.request.newContext(base);
  await signIn(customerB, world.customerBEmail);
  return [
    { name: "anonymous", kind: "anonymous", ctx: await playwright.request.newContext(base) },
    {
      name: "customer A",
      kind: "customer",
      customerId: world.ids.customerA,
      ctx: await playwright.request.newContext({
        ...base,
        storageState: storageStateFor("CUSTOMER"),
      }),
    },
    { name: "customer B", kind: "customer", customerId: world.ids.customerB, ctx: customerB },
    ...(await Promise.all(
      STAFF.map(async (role) => ({
        name: `${role.toLowerCase()} session`,
        kind: "staff" as const,
        role,
        ctx: await playwright.request.newContext({ ...base, storageState: storageStateFor(role) }),
      })),
    )),
    ...(await Promise.all(
      STAFF.map(async (role) => ({
        name: `${role.toLowerCase()} API key`,
        kind: "api-key" as const,
        role,
        ctx: await playwright.request.newContext({
          ...base,
          extraHTTPHeaders: { authorization: `Bearer ${world.keys[role]}` },
        }),
      })),
    )),
  ];
}
