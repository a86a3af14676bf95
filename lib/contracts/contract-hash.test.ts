import { describe, expect, test } from "vitest";
import { canonicalJson, documentHash } from "./contract-hash";
import type { ContractContent } from "./contract-content";

describe("contract hashing", () => {
  test("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: "s" } })).toBe(
      canonicalJson({ a: { c: "s", d: [2, { x: 2, y: 1 }] }, b: 1 }),
    );
  });

  test("the document hash changes with any term, the signature, the time or the IP", () => {
    const content = { title: "A", clauses: ["one"] } as unknown as ContractContent;
    const base = {
      content,
      signerName: "N",
      signature: "data:image/png;base64,AAAA",
      signedAt: new Date("2026-11-21T10:00:00Z"),
      ip: "1.2.3.4",
    };
    const h = documentHash(base);
    expect(h).toMatch(/^[a-f0-9]{64}$/);
    expect(documentHash({ ...base })).toBe(h);
    for (const changed of [
      { content: { ...content, clauses: ["two"] } as unknown as ContractContent },
      { signature: "data:image/png;base64,AAAB" },
      { signedAt: new Date("2026-11-21T10:00:01Z") },
      { ip: "1.2.3.5" },
      { signerName: "M" },
    ])
      expect(documentHash({ ...base, ...changed })).not.toBe(h);
  });
});
