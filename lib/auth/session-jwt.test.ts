// The cached-key codec must read and write exactly what next-auth's default codec does: session
// cookies issued before an upgrade, or by an instance still on the old code, stay signed in.
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionJwt, encodeSessionJwt } from "./session-jwt";

const secret = "a-session-secret-of-reasonable-length-0001";
const claims = { uid: "user-1", role: "CUSTOMER", customerId: "cust-1", sv: 3, email: "a@b.test" };

describe("session cookie codec", () => {
  it("reads a cookie next-auth's own codec wrote", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    expect(await decodeSessionJwt({ token, secret })).toMatchObject(claims);
  });

  it("writes a cookie next-auth's own codec reads, with the expiry asked for", async () => {
    const token = await encodeSessionJwt({ token: claims, secret, maxAge: 3600 });
    const read = await decode({ token, secret });
    expect(read).toMatchObject(claims);
    expect(Number(read!.exp) - Math.floor(Date.now() / 1000)).toBeGreaterThan(3590);
  });

  it("refuses a cookie made with another secret or another salt, even after caching a key", async () => {
    const token = await encodeSessionJwt({ token: claims, secret });
    await decodeSessionJwt({ token, secret }); // the right key is now cached
    await expect(decodeSessionJwt({ token, secret: `${secret}-other` })).rejects.toThrow();
    await expect(decodeSessionJwt({ token, secret, salt: "other" })).rejects.toThrow();
    const salted = await encode({ token: claims, secret, salt: "s1" });
    expect(await decodeSessionJwt({ token: salted, secret, salt: "s1" })).toMatchObject(claims);
  });

  it("refuses an expired cookie", async () => {
    const token = await encodeSessionJwt({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionJwt({ token, secret })).rejects.toThrow();
  });

  it("reads no cookie as no session", async () => {
    expect(await decodeSessionJwt({ token: undefined, secret })).toBeNull();
  });
});
