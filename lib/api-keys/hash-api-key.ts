import { createHash, randomBytes } from "node:crypto";

// Keys are 256-bit random strings; a fast hash is enough to store them (nothing to brute-force),
// and lets us find the key by its hash in one indexed lookup.
export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `lm_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 10), hash: hashApiKey(key) };
}
