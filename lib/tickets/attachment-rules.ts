// What a ticket message may carry: a few screenshots, PDFs or text logs. The declared type must
// be on the list and the bytes must agree with it (a renamed executable is refused), so what we
// later serve is what it claims to be. Pure.
import { AppError } from "@/lib/errors";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/gif": (b) => b.subarray(0, 4).toString("latin1") === "GIF8",
  "image/webp": (b) =>
    b.subarray(0, 4).toString("latin1") === "RIFF" &&
    b.subarray(8, 12).toString("latin1") === "WEBP",
  "application/pdf": (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
  // Logs and configs: valid UTF-8 with no NUL bytes.
  "text/plain": (b) => !b.includes(0) && Buffer.from(b.toString("utf8"), "utf8").equals(b),
};

export const ALLOWED_TYPES = Object.keys(SIGNATURES);
/** For the file input's `accept`. */
export const ACCEPT_ATTR = ".png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,.log";

const BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  pdf: "application/pdf",
  txt: "text/plain",
  log: "text/plain",
};

export type IncomingFile = { filename: string; contentType: string; content: Buffer };

/** A file name safe for a Content-Disposition header and a listing. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[^\w.\- ()]/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 120);
  return clean || "attachment";
}

/** Checks the files of one message and returns them with a trusted type; 4xx otherwise. */
export function checkAttachments(files: IncomingFile[]): IncomingFile[] {
  if (files.length > MAX_ATTACHMENTS)
    throw new AppError("VALIDATION", `At most ${MAX_ATTACHMENTS} files per message.`, {
      attachments: `At most ${MAX_ATTACHMENTS} files`,
    });
  return files.map((f) => {
    const filename = safeFilename(f.filename);
    if (f.content.length > MAX_ATTACHMENT_BYTES)
      throw new AppError("PAYLOAD_TOO_LARGE", `${filename} is larger than 10 MB.`, {
        attachments: `${filename} is larger than 10 MB`,
      });
    const declared = f.contentType.split(";")[0].trim().toLowerCase();
    const type = SIGNATURES[declared]
      ? declared
      : BY_EXTENSION[filename.split(".").pop()?.toLowerCase() ?? ""];
    if (!type || !SIGNATURES[type](f.content))
      throw new AppError(
        "VALIDATION",
        `${filename}: only images (PNG, JPEG, GIF, WebP), PDFs and text files can be attached.`,
        { attachments: `${filename} is not an image, PDF or text file` },
      );
    return { filename, contentType: type, content: f.content };
  });
}

/** Reads browser File objects (form uploads) into checked files. */
export async function filesFromForm(files: File[]): Promise<IncomingFile[]> {
  return checkAttachments(
    await Promise.all(
      files.map(async (f) => ({
        filename: f.name,
        contentType: f.type,
        content: Buffer.from(await f.arrayBuffer()),
      })),
    ),
  );
}
