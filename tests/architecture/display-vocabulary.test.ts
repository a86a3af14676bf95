// Display vocabulary lives in lib/format (STYLE.md 17): pages and components never spell a label
// or tone map of their own. A map keyed by a status or interval code in app/ or components/ is
// the habit this catches before it spreads again.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";

const CODES =
  /\b(MONTH|QUARTER|YEAR|SUSPENDED|PARTIALLY_PAID|UNCOLLECTIBLE|SCHEDULED|ACTIVATED|PROSPECT|RETIRED|PLANNED|FIBRE|WIRELESS|DEBIT_ORDER|COMPLETED)\s*:/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

// The map's colour scale is the one place map colours are kept, shared by every map.
const ALLOWED = new Set([path.join("components", "storefront", "map-style.ts")]);

test("no page or component keeps its own label map", async () => {
  const offenders: string[] = [];
  for (const file of [...(await sources("app")), ...(await sources("components"))]) {
    if (ALLOWED.has(file)) continue;
    const lines = (await readFile(file, "utf8")).split("\n");
    lines.forEach((line, i) => {
      if (CODES.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(offenders).toEqual([]);
});
