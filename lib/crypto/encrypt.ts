// AES-256-GCM for secrets at rest (bank account numbers). The key comes from ENCRYPTION_KEY
// (32 bytes, base64 or hex); ciphertext is "iv:tag:data" in base64 so one column holds it all.
// GCM authenticates as well as encrypts: a tampered value fails to decrypt instead of lying.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

function key(): Buffer {
  const raw = env.ENCRYPTION_KEY;
  if (!raw)
    throw new AppError(
      "SETUP_REQUIRED",
      "ENCRYPTION_KEY is not set, so bank details cannot be stored.",
    );
  const bytes = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (bytes.length !== 32)
    throw new AppError("SETUP_REQUIRED", "ENCRYPTION_KEY must be 32 bytes (base64 or hex).");
  return bytes;
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64")).join(":");
}

export function decryptSecret(sealed: string): string {
  const [iv, tag, data] = sealed.split(":").map((p) => Buffer.from(p, "base64"));
  if (!iv || !tag || !data) throw new Error("not an encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}
