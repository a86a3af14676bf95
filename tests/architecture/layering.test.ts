// The layering in DESIGN.md is enforced by ESLint (eslint.config.mjs); this proves the rules bite,
// so a later edit to the config cannot quietly switch them off.
import { ESLint } from "eslint";
import { expect, test } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

test("app/ cannot import the database; a Prisma type is fine", async () => {
  expect(await restricted("app/x/page.ts", `import { db } from "@/lib/db";\nvoid db;\n`)).toEqual([
    expect.stringContaining("Only lib/ touches the database"),
  ]);
  expect(
    await restricted(
      "app/x/page.ts",
      `import { Prisma } from "@/lib/generated/prisma/client";\nvoid Prisma;\n`,
    ),
  ).toHaveLength(1);
  expect(
    await restricted(
      "app/x/page.ts",
      `import type { OrderStatus } from "@/lib/generated/prisma/enums";\nexport type S = OrderStatus;\n`,
    ),
  ).toEqual([]);
});

test("components/ may import display vocabulary and schemas, not server lib modules", async () => {
  const ok = `import { formatDate } from "@/lib/format/dates";\nimport { detailsSchema } from "@/lib/orders/checkout-schema";\nvoid formatDate;\nvoid detailsSchema;\n`;
  expect(await restricted("components/ui/x.tsx", ok)).toEqual([]);
  const bad = `import { getSettings } from "@/lib/settings/get-settings";\nvoid getSettings;\n`;
  expect(await restricted("components/ui/x.tsx", bad)).toEqual([
    expect.stringContaining("components/ is UI"),
  ]);
});

test("lib/ cannot import app/ or components/", async () => {
  const code = `import { Badge } from "@/components/ui/badge";\nvoid Badge;\n`;
  expect(await restricted("lib/x/y.ts", code)).toEqual([
    expect.stringContaining("lib/ is below app/ and components/"),
  ]);
});
