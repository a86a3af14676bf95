import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { decryptSecret, encryptSecret } from "./encrypt";

beforeAll(() => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
});

describe("encryptSecret", () => {
  test("round-trips and never repeats a ciphertext", () => {
    const a = encryptSecret("62812345678");
    const b = encryptSecret("62812345678");
    expect(a).not.toBe(b);
    expect(a).not.toContain("62812345678");
    expect(decryptSecret(a)).toBe("62812345678");
  });

  test("a tampered ciphertext fails instead of decrypting to something else", () => {
    const [iv, tag, data] = encryptSecret("DE89370400440532013000").split(":");
    const flipped = Buffer.from(data, "base64");
    flipped[0] ^= 1;
    expect(() => decryptSecret([iv, tag, flipped.toString("base64")].join(":"))).toThrow();
  });

  test("accepts a hex key", () => {
    process.env.ENCRYPTION_KEY = randomBytes(32).toString("hex");
    expect(decryptSecret(encryptSecret("x"))).toBe("x");
  });
});
