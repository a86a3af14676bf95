// [storefront] Page titles carry the ISP's name ("Check coverage · Boland Fibre"), and every
// page has a title of its own.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import type { Metadata } from "next";
import { db } from "@/lib/db";
import { generateMetadata as rootMetadata } from "@/app/layout";
import { metadata as coverageMetadata } from "@/app/(storefront)/coverage/page";
import { seedStorefront } from "./fixtures";

beforeAll(async () => {
  await seedStorefront();
});

/** How Next composes a page title with its layout's template. */
function compose(layout: Metadata["title"], page: Metadata["title"]) {
  const template = (layout as { template: string }).template;
  return template.replace("%s", page as string);
}

test("the root layout's title template is the ISP's name, and follows a rename", async () => {
  const { title } = await rootMetadata();
  expect(title).toEqual({ default: "Boland Fibre", template: "%s · Boland Fibre" });
  expect(compose(title, coverageMetadata.title)).toBe("Check coverage · Boland Fibre");

  await db.ispSettings.update({ where: { id: 1 }, data: { name: "Karoo Wireless" } });
  expect(compose((await rootMetadata()).title, "Sign up")).toBe("Sign up · Karoo Wireless");
  await db.ispSettings.update({ where: { id: 1 }, data: { name: "Boland Fibre" } });
});

test("every page declares a title", async () => {
  const root = path.resolve("app");
  const pages = (await readdir(root, { recursive: true })).filter(
    (f) => path.basename(f) === "page.tsx",
  );
  expect(pages.length).toBeGreaterThan(30);
  const untitled: string[] = [];
  for (const f of pages) {
    const src = await readFile(path.join(root, f), "utf8");
    if (!/export (const metadata\b|async function generateMetadata\b)/.test(src)) untitled.push(f);
  }
  expect(untitled).toEqual([]);
});
