// Ticket files on disk under DATA_DIR/tickets/<ticketId>/<attachmentId>, readable by the app's
// user only (they hold customers' screenshots and documents). The database row is the index:
// files are written before the transaction that records them and removed if it fails.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import type { IncomingFile } from "./attachment-rules";

const ticketDir = (ticketId: string) =>
  path.resolve(env.DATA_DIR, "tickets", ticketId.replace(/[^\w-]/g, "_"));

export type StoredFile = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
};

/** Writes the files and returns their rows' data plus a function that removes them again. */
export async function storeAttachments(ticketId: string, files: IncomingFile[]) {
  const stored: StoredFile[] = [];
  const dir = ticketDir(ticketId);
  const undo = () => Promise.all(stored.map((f) => rm(path.join(dir, f.id), { force: true })));
  if (!files.length) return { stored, undo };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    for (const f of files) {
      const id = randomUUID();
      await writeFile(path.join(dir, id), f.content, { mode: 0o600 });
      stored.push({
        id,
        filename: f.filename,
        contentType: f.contentType,
        size: f.content.length,
        sha256: createHash("sha256").update(f.content).digest("hex"),
      });
    }
  } catch (e) {
    await undo();
    throw e;
  }
  return { stored, undo };
}

export const readAttachment = (ticketId: string, attachmentId: string) =>
  readFile(path.join(ticketDir(ticketId), attachmentId.replace(/[^\w-]/g, "_")));
