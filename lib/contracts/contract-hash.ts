import { createHash } from "node:crypto";
import type { ContractContent } from "./contract-content";

/** JSON with keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");

export const contentHash = (content: ContractContent) => sha256(canonicalJson(content));

/** The document hash printed on the PDF: the content plus who signed, how, when and from where. */
export function documentHash(opts: {
  content: ContractContent;
  signerName: string;
  signature: string;
  signedAt: Date;
  ip: string | null;
}): string {
  return sha256(
    [
      contentHash(opts.content),
      opts.signerName,
      sha256(opts.signature),
      opts.signedAt.toISOString(),
      opts.ip ?? "",
    ].join("\n"),
  );
}
