// Staff set up a service by hand for an existing customer: nothing exists but a waiting request
// until the customer signs (by the emailed link or on the staff screen); signing places the
// order with its signed agreement on that account and activates it on the chosen start date;
// a cancelled request cannot be signed. Bad input is a clear 4xx, and every step is audited.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { placeOrder } from "@/lib/orders/place-order";
import { decryptSecret } from "@/lib/crypto/encrypt";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { addDays, dateInZone, fromDbDate } from "@/lib/time/dates";
import { createServiceRequest } from "@/lib/orders/service-requests/create-service-request";
import { getServiceAgreement } from "@/lib/orders/service-requests/get-service-agreement";
import { signServiceRequest } from "@/lib/orders/service-requests/sign-service-request";
import { cancelServiceRequest } from "@/lib/orders/service-requests/cancel-service-request";
import { listServiceRequests } from "@/lib/orders/service-requests/list-service-requests";
import type { CreateServiceRequestInput } from "@/lib/orders/service-requests/service-request-schema";
import { SYSTEM } from "@/lib/auth/roles";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { POST as createRoute } from "@/app/api/v1/customers/[id]/service-requests/route";
import { callApi } from "../support/call-api";
import { LISTED_HOME, POINTS, seedStorefront } from "../storefront/fixtures";
import { draft, signed, SIGNATURE_PNG } from "./checkout-fixture";

let staff: Awaited<ReturnType<typeof seedStorefront>>;
let today: string;

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  staff = await seedStorefront();
  today = dateInZone(now(), (await getSettings()).timeZone);
});

/** An existing customer (signed up online once, with a portal login and a debit order). */
async function customer() {
  const input = await signed(draft());
  const placed = await placeOrder({ input, ip: "203.0.113.7" });
  return placed.customerId;
}

const request = (customerId: string, over: Partial<CreateServiceRequestInput> = {}) =>
  ({
    customerId,
    basket: { planCode: "FIBRE-100", addonCodes: ["STATIC-IP"] },
    serviceAddress: { ...LISTED_HOME, line1: "14 Rokewood Avenue" },
    startDate: today,
    payment: {
      kind: "DEBIT_ORDER",
      accountHolder: "N Mokoena",
      accountNumber: "6281 2345 678",
      branchCode: "250655",
      bankName: "FNB",
    },
    signing: "EMAIL_LINK",
    ...over,
  }) satisfies CreateServiceRequestInput;

const signature = (contentHash: string) => ({
  signerName: "Naledi Mokoena",
  method: "DRAWN" as const,
  image: SIGNATURE_PNG,
  contentHash,
  acceptContract: true,
});

async function linkToken(customerId: string) {
  const mail = await db.notification.findFirstOrThrow({
    where: { customerId, subject: { contains: "agreement to sign" } },
    orderBy: { createdAt: "desc" },
  });
  expect(mail.text).toContain("/sign/{{secret}}");
  return decryptSecret(mail.sealedSecret!);
}

const counts = (customerId: string) =>
  Promise.all([
    db.order.count({ where: { customerId } }),
    db.subscription.count({ where: { customerId } }),
    db.contract.count({ where: { customerId } }),
  ]);

describe("staff-created services", () => {
  test("waits unsigned, then the emailed link signs, places and activates it", async () => {
    const customerId = await customer();
    const before = await counts(customerId);
    const { id } = await createServiceRequest({ actor: staff.sales, ...request(customerId) });

    // Nothing half-created: only the waiting request, visible on the customer page.
    expect(await counts(customerId)).toEqual(before);
    const waiting = await listServiceRequests({ actor: staff.support, customerId });
    expect(waiting).toMatchObject([{ id, planName: expect.any(String), linkSent: true }]);
    const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(stored.draft)).not.toContain("62812345678");

    const token = await linkToken(customerId);
    const view = await getServiceAgreement({ token });
    expect(view.agreement?.content.payment.mandateText).toBeTruthy();
    const result = await signServiceRequest({
      token,
      signature: signature(view.agreement!.contentHash),
      ip: "198.51.100.4",
    });

    expect(result.activated).toBe(true);
    const order = await db.order.findUniqueOrThrow({
      where: { id: result.orderId },
      include: { subscriptions: true, contracts: true },
    });
    expect(order.customerId).toBe(customerId);
    expect(order.status).toBe("ACTIVATED");
    expect(order.contracts).toHaveLength(1);
    expect(order.subscriptions.map((s) => s.status)).toEqual(["ACTIVE", "ACTIVE"]);
    expect(order.subscriptions.map((s) => fromDbDate(s.startDate!))).toEqual([today, today]);
    expect(await db.serviceRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SIGNED",
      orderId: order.id,
      linkTokenHash: null,
    });
    const actions = await db.auditLog.findMany({
      where: { customerId, action: { startsWith: "service_request." } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "service_request.create",
      "service_request.sign",
    ]);
    // The link is spent: a second signature is refused, not a second order.
    await expect(
      signServiceRequest({ token, signature: signature(view.agreement!.contentHash), ip: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("signed in person on the staff screen, with a card link sent afterwards", async () => {
    const customerId = await customer();
    const { id } = await createServiceRequest({
      actor: staff.admin,
      ...request(customerId, { payment: { kind: "CARD_LINK" }, signing: "IN_PERSON" }),
    });
    expect(
      await db.notification.count({ where: { customerId, subject: { contains: "to sign" } } }),
    ).toBe(0);
    const view = await getServiceAgreement({ actor: staff.admin, requestId: id });
    expect(view.agreement?.content.payment.method).toContain("EFT");
    const r = await signServiceRequest({
      actor: staff.admin,
      requestId: id,
      signature: signature(view.agreement!.contentHash),
      ip: "10.0.0.9",
    });
    expect(r.activated).toBe(true);
    const card = await db.notification.findUniqueOrThrow({
      where: { dedupeKey: `service_request.card_link:${id}` },
    });
    expect(card.text).toContain("/portal/payment-methods");
    const sign = await db.auditLog.findFirstOrThrow({
      where: { entityId: id, action: "service_request.sign" },
    });
    expect(sign).toMatchObject({ actorId: staff.admin.kind === "user" ? staff.admin.id : "" });
  });

  test("a cancelled request cannot be signed and leaves nothing behind", async () => {
    const customerId = await customer();
    const before = await counts(customerId);
    const { id } = await createServiceRequest({ actor: staff.sales, ...request(customerId) });
    const token = await linkToken(customerId);
    const view = await getServiceAgreement({ token });
    await cancelServiceRequest({ actor: staff.sales, requestId: id });
    await expect(
      signServiceRequest({ token, signature: signature(view.agreement!.contentHash), ip: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      signServiceRequest({
        actor: staff.sales,
        requestId: id,
        signature: signature(view.agreement!.contentHash),
        ip: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts(customerId)).toEqual(before);
    expect(await listServiceRequests({ actor: staff.sales, customerId })).toEqual([]);
    await expect(cancelServiceRequest({ actor: staff.sales, requestId: id })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
  });

  test("bad input and the wrong role are clear refusals", async () => {
    const customerId = await customer();
    const tech: Actor = staff.tech;
    await expect(
      createServiceRequest({ actor: tech, ...request(customerId) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createServiceRequest({ actor: staff.sales, ...request("nope") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createServiceRequest({
        actor: staff.sales,
        ...request(customerId, { startDate: addDays(today, 90) }),
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: { startDate: expect.any(String) } });
    await expect(
      createServiceRequest({
        actor: staff.sales,
        ...request(customerId, {
          payment: { kind: "DEBIT_ORDER", accountHolder: "N M", accountNumber: "12" },
        }),
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "payment.accountNumber": expect.any(String) },
    });
    // Outside coverage the plan is not sold there.
    await expect(
      createServiceRequest({
        actor: staff.sales,
        ...request(customerId, {
          serviceAddress: { line1: "1 Long Street", city: "Cape Town", ...POINTS.capeTownOutside },
        }),
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "basket.planCode": expect.any(String) },
    });
    expect(await db.serviceRequest.count({ where: { customerId } })).toBe(0);
  });

  test("the API sets a service up for signing by link; roles and bad bodies are refused", async () => {
    const customerId = await customer();
    const sales = (await createApiKey({ actor: SYSTEM, name: "sales", role: "SALES" })).key;
    const support = (await createApiKey({ actor: SYSTEM, name: "support", role: "SUPPORT" })).key;
    const { customerId: _c, ...body } = request(customerId, { payment: { kind: "EFT" } });
    const path = `/customers/${customerId}/service-requests`;
    const params = { id: customerId };
    const made = await callApi(createRoute, "POST", path, { key: sales, params, body });
    expect(made).toMatchObject({ status: 201, body: { status: "AWAITING_SIGNATURE" } });
    expect(await linkToken(customerId)).toBeTruthy();
    expect((await callApi(createRoute, "POST", path, { key: support, params, body })).status).toBe(
      403,
    );
    const bad = await callApi(createRoute, "POST", path, {
      key: sales,
      params,
      body: { ...body, startDate: "2026-02-30", signing: "FAX" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(
      expect.arrayContaining(["startDate", "signing"]),
    );
  });
});
