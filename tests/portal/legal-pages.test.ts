// [storefront] Terms and privacy pages: a default naming the ISP until an admin saves a text in
// Settings; only settings:write may edit them, and every edit is audited.
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { getLegalPage } from "@/lib/settings/get-legal-page";
import { updateLegalPage } from "@/lib/settings/update-legal-page";
import { setupIsp } from "../billing/fixtures";

beforeAll(async () => {
  await setupIsp();
});
const staff = (role: "ADMIN" | "SALES"): Actor => ({
  kind: "user",
  id: `u-${role}`,
  role,
  name: role,
});

test("the default names the ISP; a saved text replaces it and is audited", async () => {
  const before = await getLegalPage({ slug: "privacy" });
  expect(before).toMatchObject({ isDefault: true, title: "Privacy notice" });
  expect(before.body).toContain("Valley Fibre");

  await updateLegalPage({
    actor: staff("ADMIN"),
    slug: "privacy",
    title: "How we use your data",
    body: "# Who we are\nValley Fibre, Stellenbosch.\n\nWe keep what the law needs.",
  });
  expect(await getLegalPage({ slug: "privacy" })).toMatchObject({
    isDefault: false,
    title: "How we use your data",
  });
  expect(await getLegalPage({ slug: "terms" })).toMatchObject({ isDefault: true });
  expect(
    await db.auditLog.count({
      where: { action: "settings.legal_page_update", entityId: "privacy" },
    }),
  ).toBe(1);
});

test("other roles may not edit; an unknown page or empty text is refused", async () => {
  const input = { slug: "terms", title: "Terms", body: "Some long enough terms text here." };
  await expect(updateLegalPage({ actor: staff("SALES"), ...input })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  await expect(
    updateLegalPage({ actor: staff("ADMIN"), ...input, slug: "cookies" }),
  ).rejects.toMatchObject({ name: "ZodError" });
  await expect(
    updateLegalPage({ actor: staff("ADMIN"), ...input, body: " " }),
  ).rejects.toMatchObject({ name: "ZodError" });
});
