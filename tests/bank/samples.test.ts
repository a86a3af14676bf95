// Every third-party sample in ../shared/iso20022/samples (bank files not written by us) imports
// without error: its entries are counted, none is matched to our customers by accident, and a
// second import of the same file is all duplicates.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { importBankFile } from "@/lib/bank/import-bank-file";
import { accounts, customerWithMandate, setupBankIsp } from "./fixtures";

const DIR = path.resolve(process.cwd(), "../../shared/iso20022/samples");
const ALT = "/work/shared/iso20022/samples";
const root = existsSync(DIR) ? DIR : ALT;

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? xmlFiles(p) : f.endsWith(".xml") ? [p] : [];
  });
}

const files = existsSync(root) ? xmlFiles(root) : [];

beforeAll(async () => {
  await setupBankIsp();
  // Customers with open invoices, so an accidental match would have something to hit.
  for (let i = 0; i < 3; i++) await customerWithMandate();
});

test.skipIf(!files.length)("the sample folder is there", () => {
  expect(files.length).toBeGreaterThanOrEqual(40);
});

test.skipIf(!files.length).each(files.map((f) => [path.relative(root, f), f]))(
  "%s imports, matches nothing by accident, re-imports as duplicates",
  async (_name, file) => {
    const content = readFileSync(file);
    const first = await importBankFile({
      actor: accounts,
      fileName: path.basename(file),
      content,
      acceptUnknownAccount: true,
    });
    expect(first.status, first.error ?? "").toBe("IMPORTED");
    expect(first.entryCount).toBeGreaterThanOrEqual(0);
    expect(first.matchedCount).toBe(0);
    const entries = await db.bankEntry.count({ where: { fileId: first.id } });
    expect(entries + first.duplicateCount).toBe(first.kind === "PAIN008" ? 0 : first.entryCount);
    expect(await db.payment.count({ where: { provider: "BANK", status: "SUCCEEDED" } })).toBe(0);
    const again = await importBankFile({ actor: accounts, fileName: path.basename(file), content });
    expect(again).toMatchObject({
      alreadyImported: true,
      duplicateCount: first.entryCount,
      id: first.id,
    });
  },
);
