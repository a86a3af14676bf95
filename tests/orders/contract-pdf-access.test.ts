// Minimum necessary: a signed agreement shows the full ID number and bank branch only to the
// customer and to staff who may see bank details (admin, accounts); sales, support and
// technicians get a masked working copy. Files behind a session also keep the temporary-password
// gate that pages have.
import { execFileSync } from "node:child_process";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, test, vi } from "vitest";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (orig) => ({
  ...(await orig<object>()),
  getServerSession: async () => {
    if (!session.userId) return null;
    const { db } = await import("@/lib/db");
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: session.userId } });
    return { user: { id: session.userId, sessionVersion } };
  },
}));

import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { placeOrder } from "@/lib/orders/place-order";
import { GET as contractPdf } from "@/app/api/contracts/[id]/pdf/route";
import { GET as invoicePdf } from "@/app/api/invoices/[id]/pdf/route";
import { GET as mailAttachment } from "@/app/admin/mail/[id]/attachments/[index]/route";
import { seedStorefront } from "../storefront/fixtures";
import { draft, signed } from "./checkout-fixture";

const ID_NUMBER = "9001015800085";
const BRANCH = "250655";

let staff: Awaited<ReturnType<typeof seedStorefront>>;
let contractId: string;
let customerUserId: string;
beforeAll(async () => {
  staff = await seedStorefront();
  const placed = await placeOrder({ input: await signed(draft()), ip: "192.0.2.10" });
  contractId = (await db.contract.findFirstOrThrow({ where: { orderId: placed.orderId } })).id;
  customerUserId = (await db.user.findUniqueOrThrow({ where: { customerId: placed.customerId } }))
    .id;
});

const idOf = (a: Actor) => (a.kind === "system" ? "" : a.id);
const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-", "-"], { input: pdf }).toString();

async function getAs(userId: string | null, path = `/api/contracts/${contractId}/pdf`) {
  session.userId = userId;
  const res = await contractPdf(new NextRequest(`http://localhost${path}`), {
    params: Promise.resolve({ id: contractId }),
  });
  return res;
}

describe("contract PDF per role", () => {
  test.each(["admin", "accounts"] as const)(
    "%s gets the signed original, byte for byte",
    async (role) => {
      const res = await getAs(idOf(staff[role]));
      expect(res.status).toBe(200);
      const pdf = Buffer.from(await res.arrayBuffer());
      const stored = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
      expect(pdf.equals(Buffer.from(stored.pdf))).toBe(true);
      expect(pdfText(pdf)).toContain(ID_NUMBER);
      expect(pdfText(pdf)).toContain(`branch ${BRANCH}`);
    },
  );

  test("the customer gets their own signed original", async () => {
    const res = await getAs(customerUserId);
    expect(res.status).toBe(200);
    const stored = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(stored.pdf))).toBe(true);
  });

  test.each(["sales", "support", "tech"] as const)(
    "%s gets a masked copy: no ID number, no bank branch, marked as not the original",
    async (role) => {
      const res = await getAs(idOf(staff[role]));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain("-masked.pdf");
      const text = pdfText(Buffer.from(await res.arrayBuffer()));
      expect(text).not.toContain(ID_NUMBER);
      expect(text).not.toContain(BRANCH);
      expect(text).toContain("not the signed original");
      expect(text).toContain("Naledi Mokoena"); // the agreement itself is all there
      expect(
        await db.auditLog.count({
          where: { action: "contract.view", entityId: contractId, actorId: idOf(staff[role]) },
        }),
      ).toBe(1);
    },
  );

  test("no session is a 401", async () => {
    expect((await getAs(null)).status).toBe(401);
  });
});

describe("file routes keep the temporary-password gate", () => {
  test("staff on a temporary password are sent to choose their own, then come back", async () => {
    const accounts = idOf(staff.accounts);
    await db.user.update({ where: { id: accounts }, data: { mustChangePassword: true } });
    try {
      const res = await getAs(accounts, `/api/contracts/${contractId}/pdf?download=1`);
      expect(res.status).toBe(303);
      expect(new URL(res.headers.get("location")!).pathname).toBe("/change-password");
      expect(new URL(res.headers.get("location")!).searchParams.get("callbackUrl")).toBe(
        `/api/contracts/${contractId}/pdf?download=1`,
      );
      const invoice = await invoicePdf(new NextRequest("http://localhost/api/invoices/x/pdf"), {
        params: Promise.resolve({ id: "x" }),
      });
      expect(invoice.status).toBe(303);
      const admin = idOf(staff.admin);
      await db.user.update({ where: { id: admin }, data: { mustChangePassword: true } });
      session.userId = admin;
      const attachment = await mailAttachment(
        new NextRequest("http://localhost/admin/mail/a.eml/attachments/0"),
        { params: Promise.resolve({ id: "a.eml", index: "0" }) },
      );
      expect(attachment.status).toBe(303);
    } finally {
      await db.user.updateMany({ data: { mustChangePassword: false } });
    }
  });
});
