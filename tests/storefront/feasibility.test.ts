import { beforeAll, describe, expect, test } from "vitest";
import { checkFeasibility } from "@/lib/coverage/check-feasibility";
import { searchAddresses } from "@/lib/coverage/search-addresses";
import { createCoverageArea } from "@/lib/coverage/create-coverage-area";
import { updateCoverageArea } from "@/lib/coverage/update-coverage-area";
import { setProductStatus } from "@/lib/catalog/set-product-status";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { POINTS, seedStorefront } from "./fixtures";

let staff: Awaited<ReturnType<typeof seedStorefront>>;
beforeAll(async () => {
  staff = await seedStorefront();
});

describe("checkFeasibility", () => {
  test("inside a live fibre area: fibre plans, cheapest first, and add-ons", async () => {
    const r = await checkFeasibility(POINTS.dieBoordFibre);
    expect(r.status).toBe("AVAILABLE");
    expect(r.areas.map((a) => a.name)).toEqual(["Die Boord"]);
    expect(r.technologies.map((t) => t.technology)).toEqual(["FIBRE"]);
    const prices = r.technologies[0].plans.map((p) => p.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(r.technologies[0].plans.map((p) => p.code)).toContain("FIBRE-100");
    expect(r.addons.map((a) => a.code)).toContain("STATIC-IP");
  });

  test("wireless area offers wireless plans only", async () => {
    const r = await checkFeasibility(POINTS.idasValleyWireless);
    expect(r.status).toBe("AVAILABLE");
    expect(r.technologies.flatMap((t) => t.plans.map((p) => p.technology))).toEqual(
      expect.arrayContaining(["WIRELESS"]),
    );
    expect(r.technologies.some((t) => t.technology === "FIBRE")).toBe(false);
  });

  test("planned area and outside coverage offer no plans", async () => {
    expect((await checkFeasibility(POINTS.paradyskloofPlanned)).status).toBe("PLANNED");
    const outside = await checkFeasibility(POINTS.capeTownOutside);
    expect(outside).toMatchObject({ status: "UNAVAILABLE", technologies: [], addons: [] });
  });

  test("rejects coordinates out of range", async () => {
    await expect(checkFeasibility({ lat: 91, lng: 0 })).rejects.toThrow();
  });

  test("retired plans disappear; a new area is found at once (index invalidated)", async () => {
    const plan = await db.product.findUniqueOrThrow({ where: { code: "FIBRE-25" } });
    await setProductStatus({ id: plan.id, status: "RETIRED", actor: staff.sales });
    const r = await checkFeasibility(POINTS.dieBoordFibre);
    expect(r.technologies[0].plans.map((p) => p.code)).not.toContain("FIBRE-25");

    const { lat, lng } = POINTS.capeTownOutside;
    const d = 0.01;
    const ring = [
      [lng - d, lat - d],
      [lng + d, lat - d],
      [lng + d, lat + d],
      [lng - d, lat + d],
      [lng - d, lat - d],
    ];
    const area = await createCoverageArea({
      input: {
        name: "City Bowl",
        technology: "FIBRE",
        status: "PLANNED",
        geometry: { type: "Polygon", coordinates: [ring] },
      },
      actor: staff.sales,
    });
    expect((await checkFeasibility(POINTS.capeTownOutside)).status).toBe("PLANNED");
    await updateCoverageArea({
      id: area.id,
      input: {
        name: "City Bowl",
        technology: "FIBRE",
        status: "LIVE",
        geometry: JSON.stringify({ type: "Polygon", coordinates: [ring] }),
      },
      actor: staff.sales,
    });
    const live = await checkFeasibility(POINTS.capeTownOutside);
    expect(live.status).toBe("AVAILABLE");
    expect(live.technologies[0].plans.map((p) => p.code)).toContain("FIBRE-100");
  });

  test("only coverage roles may change coverage", async () => {
    const ring = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    await expect(
      createCoverageArea({
        input: { name: "X", technology: "LTE", geometry: { type: "Polygon", coordinates: [ring] } },
        actor: staff.accounts as Actor,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("searchAddresses", () => {
  test("finds homes passed by words in any order", async () => {
    const any = await db.serviceableAddress.findFirstOrThrow({ where: { suburb: "Dalsig" } });
    const [number, ...street] = any.line1.split(" ");
    const hits = await searchAddresses({ q: `${street.join(" ")} ${number} dalsig` });
    expect(hits.map((h) => h.id)).toContain(any.id);
    expect(hits[0]).toMatchObject({ source: "list" });
  });

  test("falls back to the pluggable geocoder when the list has too few matches", async () => {
    const { setGeocoder } = await import("@/lib/coverage/geocoder");
    expect(await searchAddresses({ q: "Koelenhof farm road" })).toEqual([]);
    setGeocoder({
      name: "test",
      search: async (q, limit) =>
        [{ label: `${q} (geocoded)`, lat: -33.83, lng: 18.79 }].slice(0, limit),
    });
    try {
      expect(await searchAddresses({ q: "Koelenhof farm road" })).toEqual([
        {
          id: null,
          label: "Koelenhof farm road (geocoded)",
          lat: -33.83,
          lng: 18.79,
          source: "geocoder",
        },
      ]);
    } finally {
      setGeocoder(null);
    }
  });

  test("needs three characters", async () => {
    await expect(searchAddresses({ q: "ab" })).rejects.toThrow();
  });
});
