import { beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/time/clock";
import { payLinkToken, readPayLinkToken } from "./pay-link";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "a-test-secret-of-sufficient-length";
});

describe("pay links", () => {
  it("round-trips the invoice and expiry, and expires", () => {
    setClock(new Date("2026-03-01T10:00:00Z"));
    const token = payLinkToken({ invoiceId: "inv_1", expiresAt: new Date("2026-03-02T00:00:00Z") });
    expect(readPayLinkToken(token)).toEqual({
      invoiceId: "inv_1",
      expiresAt: new Date("2026-03-02T00:00:00Z"),
      expired: false,
    });
    setClock(new Date("2026-03-02T00:00:01Z"));
    expect(readPayLinkToken(token)?.expired).toBe(true);
    setClock(undefined);
  });

  it("refuses a token whose invoice or expiry was changed", () => {
    const token = payLinkToken({ invoiceId: "inv_1" });
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), i: "inv_2" }),
    ).toString("base64url");
    expect(readPayLinkToken(`${forged}.${signature}`)).toBeNull();
    expect(readPayLinkToken(`${payload}.${signature}x`)).toBeNull();
    expect(readPayLinkToken("garbage")).toBeNull();
    expect(readPayLinkToken(`${payload}.${signature}.more`)).toBeNull();
  });
});
