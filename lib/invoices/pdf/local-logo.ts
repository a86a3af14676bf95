import { readFile } from "node:fs/promises";
import path from "node:path";

/** A logo the PDF renderer can use without the network: a data URL or a file under public/. */
export async function localLogo(url: string | null): Promise<string | null> {
  if (!url) return null;
  if (url.startsWith("data:image/")) return url;
  if (!url.startsWith("/")) return null;
  const file = path.join(process.cwd(), "public", path.normalize(url).replace(/^(\.\.[/\\])+/, ""));
  const ext = path.extname(file).slice(1).toLowerCase();
  if (!["png", "jpg", "jpeg"].includes(ext)) return null;
  const bytes = await readFile(file).catch(() => null);
  return bytes
    ? `data:image/${ext === "jpg" ? "jpeg" : ext};base64,${bytes.toString("base64")}`
    : null;
}
