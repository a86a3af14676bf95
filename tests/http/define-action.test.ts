import { beforeAll, describe, expect, test, vi } from "vitest";

// Sessions come from next-auth; redirects and cache revalidation from Next, which is not running.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (orig) => ({
  ...(await orig<object>()),
  // Users in these tests never changed their password: their session version is the first (0).
  getServerSession: async () =>
    session.userId ? { user: { id: session.userId, sessionVersion: 0 } } : null,
}));
vi.mock("next/navigation", () => {
  class Redirect extends Error {
    constructor(readonly to: string) {
      super(`redirect ${to}`);
    }
  }
  return {
    redirect: (to: string) => {
      throw new Redirect(to);
    },
    unstable_rethrow: (e: unknown) => {
      if (e instanceof Redirect) throw e;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineAction } from "@/lib/http/define-action";
import { IDLE } from "@/lib/http/form-state";
import { logger } from "@/lib/log";
import { createIsp } from "@/lib/setup/create-isp";
import { db } from "@/lib/db";
import { createStaffUserAction } from "@/app/admin/users/create-staff-user-action";
import { createOneOffChargeAction } from "@/app/admin/invoices/create-one-off-charge-action";

const form = (entries: [string, string | File][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("defineAction", () => {
  const echo = defineAction({
    who: "public",
    schema: z.object({
      name: z.string().min(2, "Enter a name"),
      password: z.string(),
      address: z.object({ city: z.string().min(1, "Enter the city") }),
      areas: z.array(z.string()).optional(),
      file: z.instanceof(File).optional(),
    }),
    secret: ["password"],
    handler: async ({ input }) => ({ message: "ok", data: input }),
  });

  test("a form: dotted names nest, repeated names are lists, an empty file input is absent", async () => {
    const state = await echo(
      IDLE,
      form([
        ["$ACTION_ID_abc", ""],
        ["name", "Ada"],
        ["password", "secret-1234"],
        ["address.city", "Stellenbosch"],
        ["areas", "a1"],
        ["areas", "a2"],
        ["file", new File([], "")],
      ]),
    );
    expect(state).toEqual({
      status: "ok",
      message: "ok",
      data: {
        name: "Ada",
        password: "secret-1234",
        address: { city: "Stellenbosch" },
        areas: ["a1", "a2"],
      },
    });
  });

  test("invalid fields come back by name, with what was typed except secrets", async () => {
    const state = await echo(
      IDLE,
      form([
        ["name", "A"],
        ["password", "secret-1234"],
        ["address.city", ""],
      ]),
    );
    expect(state).toEqual({
      status: "error",
      code: "VALIDATION",
      message: "Some fields are not valid.",
      fields: { name: "Enter a name", "address.city": "Enter the city" },
      values: { name: "A", "address.city": "" },
    });
  });

  test("a client component calls it with an object and reads data; a bare <form action> works too", async () => {
    const input = { name: "Ada", password: "x", address: { city: "Paarl" } };
    expect(await echo(input)).toMatchObject({ status: "ok", data: input });
    expect(await echo(form([["name", "A"]]))).toMatchObject({ status: "error" });
  });

  test("AppError keeps its message and fields; anything else is logged and shown generically", async () => {
    const refuse = defineAction({
      who: "public",
      schema: z.object({ kind: z.string() }),
      handler: async ({ input }) => {
        if (input.kind === "known")
          throw new AppError("CONFLICT", "Already taken.", { email: "In use" });
        throw new Error("connection reset by peer");
      },
    });
    expect(await refuse({ kind: "known" })).toEqual({
      status: "error",
      code: "CONFLICT",
      message: "Already taken.",
      fields: { email: "In use" },
      values: {},
    });
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const failed = await refuse({ kind: "bug" });
    expect(logged).toHaveBeenCalledWith(
      { err: expect.objectContaining({ message: "connection reset by peer" }) },
      "server action failed unexpectedly",
    );
    logged.mockRestore();
    expect(failed.status).toBe("error");
    expect(failed.message).toMatch(/Something went wrong on our side/);
    expect(failed.message).not.toContain("connection reset");
  });

  test("redirects pass through; a staff action without a session goes to sign-in", async () => {
    const go = defineAction({
      who: "public",
      schema: z.object({}),
      handler: async () => {
        const { redirect } = await import("next/navigation");
        redirect("/done");
      },
    });
    await expect(go({})).rejects.toMatchObject({ to: "/done" });
    const staffOnly = defineAction({
      who: "staff",
      returnTo: "/admin/users",
      schema: z.object({}),
      handler: async () => "never",
    });
    session.userId = null;
    await expect(staffOnly({})).rejects.toMatchObject({
      to: "/signin?callbackUrl=%2Fadmin%2Fusers",
    });
  });
});

describe("a real form action: adding a staff member", () => {
  beforeAll(async () => {
    const admin = await createIsp({
      name: "Action ISP",
      country: "ZA",
      currency: "ZAR",
      timeZone: "Africa/Johannesburg",
      taxRate: 15,
      adminName: "Ada Admin",
      adminEmail: "ada@action.test",
      adminPassword: "long-password-1",
    });
    session.userId = admin.id;
  });

  test("a bad email is shown on its field, the rest refilled, the password never sent back", async () => {
    const state = await createStaffUserAction(
      IDLE,
      form([
        ["name", "Tom Temp"],
        ["email", "not-an-email"],
        ["role", "SUPPORT"],
        ["mode", "password"],
        ["password", "temporary-pw-1"],
      ]),
    );
    expect(state).toMatchObject({
      status: "error",
      fields: { email: "Enter a valid email address" },
      values: { name: "Tom Temp", email: "not-an-email", role: "SUPPORT", mode: "password" },
    });
    expect(state.values).not.toHaveProperty("password");
  });

  test("a good form adds the person and says how they get in", async () => {
    const state = await createStaffUserAction(
      IDLE,
      form([
        ["name", "Tom Temp"],
        ["email", "tom@action.test"],
        ["role", "SUPPORT"],
        ["mode", "password"],
        ["password", "temporary-pw-1"],
      ]),
    );
    expect(state).toEqual({
      status: "ok",
      message: "Tom Temp can sign in as tom@action.test with the temporary password you chose.",
    });
  });
});

describe("a real form action: a one-off charge typed in the customer's currency", () => {
  test("the amount is read in minor units of the customer's currency; a bad one stays on its field", async () => {
    const customer = await db.customer.create({
      data: {
        accountNumber: "C900001",
        paymentReference: "C900001",
        firstName: "Lerato",
        lastName: "Mokoena",
        email: "lerato@action.test",
        currency: "ZAR",
      },
    });
    const charge = (amount: string, extra: [string, string][] = []) =>
      createOneOffChargeAction(
        IDLE,
        form([
          ["customerId", customer.id],
          ["description", "Router"],
          ["amount", amount],
          ["quantity", "2"],
          ...extra,
        ]),
      );
    expect(await charge("12.345")).toMatchObject({
      status: "error",
      fields: { amount: "Enter an amount with at most 2 decimals" },
      values: { amount: "12.345", description: "Router" },
    });
    expect(await charge("1 499,50")).toEqual({
      status: "ok",
      message: "Added: it goes on the next invoice.",
    });
    const saved = await db.oneOffCharge.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(saved).toMatchObject({ amount: 149950, description: "Router" });
    expect(saved.quantity.toString()).toBe("2"); // numeric(14,4): usage bills fractions
  });

  test("NUL characters are refused before the schema runs, naming the field", async () => {
    let ran = false;
    const save = defineAction({
      who: "public",
      schema: z.object({ name: z.string() }),
      handler: async () => {
        ran = true;
      },
    });
    expect(await save(form([["name", "a\u0000b"]]))).toMatchObject({
      status: "error",
      code: "VALIDATION",
      fields: { name: "must not contain NUL characters" },
    });
    expect(ran).toBe(false);
  });
});
