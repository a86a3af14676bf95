// The subscriber's profile on the real database: contact details and consent, an email change
// that waits for its signed link, a data export (JSON and PDF) and a deletion request that goes
// to the admins.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { updateMyContact } from "@/lib/portal/update-my-contact";
import { requestEmailChange } from "@/lib/portal/request-email-change";
import { confirmEmailChange } from "@/lib/portal/confirm-email-change";
import { emailChangeToken } from "@/lib/portal/email-change-token";
import { exportMyData } from "@/lib/portal/export-my-data";
import { renderMyDataPdf } from "@/lib/portal/render-my-data-pdf";
import { requestAccountDeletion } from "@/lib/portal/request-account-deletion";
import { setClock } from "@/lib/time/clock";
import { createCustomer, setupIsp } from "../billing/fixtures";

beforeAll(async () => {
  await setupIsp();
});
afterEach(() => setClock(undefined));

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string; name?: string }) => (e.name === "ZodError" ? "VALIDATION" : e.code),
  );

async function subscriber() {
  const c = await createCustomer({ phone: "021 555 0100" });
  const user = await db.user.create({
    data: { email: c.email, name: c.firstName, role: "CUSTOMER", customerId: c.id },
  });
  const me: Actor = { kind: "user", id: user.id, role: "CUSTOMER", name: "S", customerId: c.id };
  return { c, user, me };
}

const address = { line1: "12 Oak Street", suburb: "Die Boord", city: "Stellenbosch" };

describe("contact details", () => {
  test("a subscriber updates phone, billing address and marketing consent, audited", async () => {
    const { c, me } = await subscriber();
    const res = await updateMyContact({
      actor: me,
      customerId: c.id,
      phone: "082 000 1111",
      marketingOptIn: "on",
      address,
    });
    expect(res.changed.sort()).toEqual(["address", "marketingOptIn", "phone"]);
    const after = await db.customer.findUniqueOrThrow({
      where: { id: c.id },
      include: { billingAddress: true },
    });
    expect(after).toMatchObject({ phone: "082 000 1111", marketingOptIn: true });
    expect(after.billingAddress).toMatchObject({ ...address, country: "ZA" });
    expect(
      await db.auditLog.count({ where: { customerId: c.id, action: "customer.update" } }),
    ).toBe(1);
    // Unchanged input changes nothing and writes no audit row.
    const again = await updateMyContact({
      actor: me,
      customerId: c.id,
      phone: "082 000 1111",
      marketingOptIn: true,
      address,
    });
    expect(again.changed).toEqual([]);
  });

  test("another customer's details are not theirs to change", async () => {
    const { me } = await subscriber();
    const other = await createCustomer();
    expect(
      await code(updateMyContact({ actor: me, customerId: other.id, phone: "1", address })),
    ).toBe("NOT_FOUND");
  });
});

describe("email change", () => {
  test("nothing changes until the link mailed to the new address is followed", async () => {
    const { c, user, me } = await subscriber();
    await requestEmailChange({ actor: me, customerId: c.id, email: "New.Me@Example.com" });
    const mail = await db.notification.findMany({ where: { customerId: c.id } });
    const toNew = mail.find((m) => m.to === "new.me@example.com");
    expect(toNew?.sealedSecret).toBeTruthy(); // the token is sealed, never in the body
    expect(toNew?.text).toContain("/portal/profile/confirm-email?token=");
    expect(mail.some((m) => m.to === c.email)).toBe(true); // the old address is told
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.id } })).email).toBe(c.email);

    const token = emailChangeToken({ customerId: c.id, email: "new.me@example.com" });
    const stranger = await subscriber();
    expect(await code(confirmEmailChange({ actor: stranger.me, token }))).toBe("NOT_FOUND");
    expect(await confirmEmailChange({ actor: me, token })).toEqual({
      email: "new.me@example.com",
      changed: true,
    });
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.id } })).email).toBe(
      "new.me@example.com",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(
      "new.me@example.com",
    );
  });

  test("a forged, altered or expired link and a taken address are refused", async () => {
    const { c, me } = await subscriber();
    const taken = await subscriber();
    expect(
      await code(requestEmailChange({ actor: me, customerId: c.id, email: taken.c.email })),
    ).toBe("CONFLICT");
    expect(await code(requestEmailChange({ actor: me, customerId: c.id, email: "nope" }))).toBe(
      "VALIDATION",
    );
    const token = emailChangeToken({ customerId: c.id, email: "later@example.com" });
    const [payload, sig] = token.split(".");
    const altered = `${Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, "base64url").toString()),
        m: "x@evil.example",
      }),
    ).toString("base64url")}.${sig}`;
    expect(await code(confirmEmailChange({ actor: me, token: altered }))).toBe("VALIDATION");
    setClock(new Date(Date.now() + 25 * 3600_000));
    expect(await code(confirmEmailChange({ actor: me, token }))).toBe("VALIDATION");
  });
});

describe("POPIA/GDPR", () => {
  test("the export holds the subscriber's records and no secrets; the PDF renders", async () => {
    const { c, me } = await subscriber();
    const data = await exportMyData({ actor: me, customerId: c.id });
    expect(data.customer).toMatchObject({ email: c.email, accountNumber: c.accountNumber });
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/passwordHash|radiusPassword|accountNumberEnc|signaturePng/);
    expect(
      await db.auditLog.count({ where: { customerId: c.id, action: "customer.data_exported" } }),
    ).toBe(1);
    const pdf = await renderMyDataPdf({ actor: me, customerId: c.id });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("a deletion request reaches every active admin once and is kept on the record", async () => {
    const admin = await db.user.create({
      data: { email: `admin-${Date.now()}@isp.example`, name: "Admin", role: "ADMIN" },
    });
    const { c, me } = await subscriber();
    const first = await requestAccountDeletion({ actor: me, customerId: c.id, reason: "Moving" });
    expect(first.alreadyRequested).toBe(false);
    const mail = await db.notification.findMany({ where: { to: admin.email } });
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain(`/admin/customers/${c.id}`);
    const again = await requestAccountDeletion({ actor: me, customerId: c.id });
    expect(again.alreadyRequested).toBe(true);
    expect(await db.notification.count({ where: { to: admin.email } })).toBe(1);
  });
});
