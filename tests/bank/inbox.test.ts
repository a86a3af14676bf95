// BANK_INBOX_DIR: dropped files are imported by the job's sweep and moved to done/ or failed/;
// a second sweep (another instance) finds nothing left to do.
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { importInbox } from "@/lib/bank/import-inbox";
import { camt, setupBankIsp } from "./fixtures";

let dir = "";
beforeAll(async () => {
  await setupBankIsp();
  dir = await mkdtemp(path.join(os.tmpdir(), "bank-inbox-"));
  process.env.BANK_INBOX_DIR = dir;
});
afterAll(() => {
  delete process.env.BANK_INBOX_DIR;
});

test("dropped files are imported once and filed under done/ or failed/", async () => {
  await writeFile(
    path.join(dir, "stmt.xml"),
    camt("053", [{ ref: "IN-1", amount: 500 }], undefined, "INBOX"),
  );
  await writeFile(path.join(dir, "junk.pdf"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0]));
  const [first, second] = await Promise.all([importInbox(), importInbox()]);
  const results = [first, second].flatMap((r) => ("results" in r && r.results ? r.results : []));
  expect(results.map((r) => `${r.file} ${r.status}`).sort()).toEqual([
    "junk.pdf REFUSED",
    "stmt.xml IMPORTED",
  ]);
  expect((await readdir(path.join(dir, "done"))).map((f) => f.replace(/^\d+-/, ""))).toEqual([
    "stmt.xml",
  ]);
  expect((await readdir(path.join(dir, "failed"))).map((f) => f.replace(/^\d+-/, ""))).toEqual([
    "junk.pdf",
  ]);
  expect(await db.bankFile.count({ where: { fileName: "stmt.xml" } })).toBe(1);
  expect(await importInbox()).toMatchObject({ imported: 0 });
});
