// The drop folder (BANK_INBOX_DIR): files a bank's host-to-host (SFTP) channel delivers are
// imported by the bank.import-inbox job. Several instances may share the folder: a file is
// claimed by renaming it into `processing/` (rename is atomic; the loser gets ENOENT and moves
// on), then moved to `done/` (imported, held or already imported) or `failed/` (refused).
import "server-only";
import { mkdir, readdir, readFile, rename, stat } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { SYSTEM } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { importBankFile } from "./import-bank-file";

export async function importInbox() {
  const dir = env.BANK_INBOX_DIR;
  if (!dir) return { skipped: "BANK_INBOX_DIR is not set" };
  for (const sub of ["processing", "done", "failed"])
    await mkdir(path.join(dir, sub), { recursive: true });
  const results: { file: string; status: string; id?: string }[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const from = path.join(dir, name);
    if (name.startsWith(".")) continue;
    const isFile = await stat(from).then(
      (s) => s.isFile(),
      () => false,
    ); // gone: another instance
    if (!isFile) continue;
    const claimed = path.join(dir, "processing", `${name}.${randomBytes(4).toString("hex")}`);
    try {
      await rename(from, claimed);
    } catch {
      continue; // another instance took it
    }
    let status = "FAILED";
    let id: string | undefined;
    try {
      const r = await importBankFile({
        actor: SYSTEM,
        fileName: name,
        content: await readFile(claimed),
      });
      status = r.status;
      id = r.id;
    } catch (err) {
      logger.error({ err, file: name }, "bank inbox import failed");
    }
    const target = status === "REFUSED" || status === "FAILED" ? "failed" : "done";
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    await rename(claimed, path.join(dir, target, `${stamp}-${name}`));
    results.push({ file: name, status, id });
  }
  return { imported: results.length, results };
}
