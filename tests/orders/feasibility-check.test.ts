// [orders] Feasibility is decided by the server from the typed address, never from the map
// position alone: unverifiable orders are taken, marked, and wait for a person.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/place-order";
import { activateOrder } from "@/lib/orders/activate-order";
import { confirmOrderFeasibility } from "@/lib/orders/confirm-order-feasibility";
import { getOrder } from "@/lib/orders/get-order";
import { listOrders } from "@/lib/orders/list-orders";
import { setGeocoder } from "@/lib/coverage/geocoder";
import { POINTS, seedStorefront } from "../storefront/fixtures";
import { draft, signed } from "./checkout-fixture";

let staff: Awaited<ReturnType<typeof seedStorefront>>;
beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  staff = await seedStorefront();
});
afterEach(() => setGeocoder(null));

/** Another town's address carrying a covered suburb's coordinates, as in the review. */
const CAPE_TOWN = {
  line1: "12 Long Street",
  suburb: "City Centre",
  city: "Cape Town",
  postalCode: "8001",
  ...POINTS.dieBoordFibre,
};

const place = async (
  serviceAddress?: NonNullable<Parameters<typeof draft>[0]>["serviceAddress"],
) => {
  const placed = await placeOrder({ input: await signed(draft({ serviceAddress })), ip: null });
  return db.order.findUniqueOrThrow({
    where: { id: placed.orderId },
    include: { serviceAddress: true },
  });
};

describe("feasibility checked against the address", () => {
  test("a typed address on the serviceable list is verified and stored at the list's position", async () => {
    const home = await db.serviceableAddress.findFirstOrThrow({
      where: { suburb: "Dalsig" },
      orderBy: { externalId: "asc" },
    });
    // The browser sends a slightly different pin; the server keeps the list's position.
    const order = await place({
      line1: `  ${home.line1.toUpperCase()} `,
      suburb: home.suburb ?? undefined,
      city: home.city,
      postalCode: home.postalCode ?? undefined,
      lat: home.lat + 0.0004,
      lng: home.lng,
    });
    expect(order).toMatchObject({
      feasibility: "ADDRESS_LIST",
      serviceableAddressId: home.id,
      feasibilityNote: null,
    });
    expect(order.serviceAddress).toMatchObject({ lat: home.lat, lng: home.lng });
  });

  test("the list entry picked on the map counts only if the typed address is still that entry", async () => {
    const home = await db.serviceableAddress.findFirstOrThrow({ where: { suburb: "Uniepark" } });
    const picked = {
      line1: home.line1,
      suburb: home.suburb ?? undefined,
      city: home.city,
      postalCode: home.postalCode ?? undefined,
      lat: home.lat,
      lng: home.lng,
      serviceableAddressId: home.id,
    };
    expect(await place(picked)).toMatchObject({
      feasibility: "ADDRESS_LIST",
      serviceableAddressId: home.id,
    });
    const edited = await place({ ...CAPE_TOWN, serviceableAddressId: home.id });
    expect(edited.feasibility).toBe("UNVERIFIED");
    expect(edited.serviceableAddressId).toBeNull();
    expect(edited.feasibilityNote).toContain("differs from the listed address picked");
  });

  test("another town's address with a covered suburb's coordinates is taken as unverified, never activated unconfirmed", async () => {
    const order = await place(CAPE_TOWN);
    expect(order.status).toBe("NEW");
    expect(order.feasibility).toBe("UNVERIFIED");
    expect(order.feasibilityNote).toMatch(/not on the serviceable-address list/);
    expect(order.serviceAddress).toMatchObject({ city: "Cape Town", ...POINTS.dieBoordFibre });

    const { orders } = await listOrders({ actor: staff.sales, needsConfirmation: true });
    expect(orders.map((o) => o.id)).toContain(order.id);

    await expect(activateOrder({ actor: staff.tech, orderId: order.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/unverified/),
    });
    expect(
      await db.subscription.count({ where: { orderId: order.id, status: { not: "PENDING" } } }),
    ).toBe(0);

    await expect(
      confirmOrderFeasibility({ actor: staff.support, orderId: order.id, note: "Looked" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      confirmOrderFeasibility({ actor: staff.tech, orderId: order.id, note: "" }),
    ).rejects.toThrow();
    await confirmOrderFeasibility({
      actor: staff.tech,
      orderId: order.id,
      note: "Site survey: the customer moved to Die Boord; address corrected by phone",
    });
    await expect(
      confirmOrderFeasibility({ actor: staff.tech, orderId: order.id, note: "again" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const confirmed = await getOrder({ actor: staff.sales, id: order.id });
    expect(confirmed).toMatchObject({
      feasibility: "CONFIRMED",
      feasibilityConfirmedBy: { name: "Theo Technician" },
    });
    expect(confirmed.notes[0].body).toMatch(/^Feasibility confirmed: Site survey/);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "order.feasibility_confirm", entityId: order.id },
    });
    expect(audit).toMatchObject({ actorLabel: expect.stringContaining("Theo") });

    await activateOrder({ actor: staff.tech, orderId: order.id });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe(
      "ACTIVATED",
    );
  });

  test("with a geocoder, the server's own position decides", async () => {
    const asked: string[] = [];
    let answer = POINTS.dieBoordFibre;
    setGeocoder({
      name: "fake",
      search: async (q) => {
        asked.push(q);
        return [{ label: q, ...answer }];
      },
    });
    const farm = {
      line1: "3 Oak Lane",
      suburb: "Die Boord",
      city: "Stellenbosch",
      postalCode: "7600",
      lat: POINTS.dieBoordFibre.lat + 0.001,
      lng: POINTS.dieBoordFibre.lng,
    };
    const geocoded = await place(farm);
    expect(asked).toEqual(["3 Oak Lane, Die Boord, Stellenbosch, 7600"]);
    expect(geocoded.feasibility).toBe("GEOCODED");
    expect(geocoded.serviceAddress).toMatchObject(POINTS.dieBoordFibre);

    answer = POINTS.capeTownOutside;
    const elsewhere = await place(CAPE_TOWN);
    expect(elsewhere.feasibility).toBe("UNVERIFIED");
    expect(elsewhere.feasibilityNote).toMatch(
      /By the geocoder the address is at .*, 3\d\.\d km from/,
    );

    setGeocoder({
      name: "down",
      search: async () => {
        throw new Error("ECONNREFUSED");
      },
    });
    const down = await place(farm);
    expect(down.feasibility).toBe("UNVERIFIED");
    expect(down.feasibilityNote).toContain("could not be reached");
  });
});
