import { beforeAll, describe, expect, test } from "vitest";
import { importCoverageFile } from "@/lib/coverage/import-coverage-file";
import { importServiceableAddresses } from "@/lib/coverage/import-serviceable-addresses";
import { checkFeasibility } from "@/lib/coverage/check-feasibility";
import { db } from "@/lib/db";
import { seedStorefront } from "./fixtures";

let staff: Awaited<ReturnType<typeof seedStorefront>>;
beforeAll(async () => {
  staff = await seedStorefront();
});

const square = (lng: number, lat: number, d = 0.01) => [
  [lng - d, lat - d],
  [lng + d, lat - d],
  [lng + d, lat + d],
  [lng - d, lat + d],
  [lng - d, lat - d],
];

describe("importCoverageFile", () => {
  test("GeoJSON: features with properties become areas", async () => {
    const fc = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { name: "Franschhoek", technology: "wireless" },
          geometry: { type: "Polygon", coordinates: [square(19.12, -33.91)] },
        },
        {
          type: "Feature",
          properties: {},
          geometry: {
            type: "MultiPolygon",
            coordinates: [[square(19.3, -33.8)], [square(19.4, -33.8)]],
          },
        },
      ],
    };
    const r = await importCoverageFile({
      filename: "areas.geojson",
      text: JSON.stringify(fc),
      defaults: { technology: "FIBRE", status: "LIVE", namePrefix: "Paarl" },
      actor: staff.sales,
    });
    expect(r.created).toBe(2);
    expect((await checkFeasibility({ lat: -33.91, lng: 19.12 })).technologies[0].technology).toBe(
      "WIRELESS",
    );
    expect((await checkFeasibility({ lat: -33.8, lng: 19.4 })).status).toBe("AVAILABLE");
    expect(await db.coverageArea.count({ where: { name: "Paarl 2" } })).toBe(1);
  });

  test("a bad feature names itself and nothing is imported", async () => {
    const before = await db.coverageArea.count();
    const fc = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { name: "Good" },
          geometry: { type: "Polygon", coordinates: [square(20, -34)] },
        },
        {
          type: "Feature",
          properties: { name: "Open ring" },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [20, -34],
                [20.1, -34],
                [20.1, -34.1],
                [20, -34.1],
              ],
            ],
          },
        },
      ],
    };
    await expect(
      importCoverageFile({
        filename: "x.json",
        text: JSON.stringify(fc),
        defaults: { technology: "FIBRE", status: "LIVE" },
        actor: staff.sales,
      }),
    ).rejects.toThrow(/feature 2 \("Open ring"\).*end where it starts/);
    expect(await db.coverageArea.count()).toBe(before);
  });

  test("KML placemarks, and broken XML names the line", async () => {
    const coords = square(18.5, -34.1)
      .map(([x, y]) => `${x},${y},0`)
      .join(" ");
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><Placemark><name>Somerset West</name>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Folder></Document></kml>`;
    expect(
      (
        await importCoverageFile({
          filename: "a.kml",
          text: kml,
          defaults: { technology: "FIBRE", status: "PLANNED" },
          actor: staff.sales,
        })
      ).created,
    ).toBe(1);
    expect((await checkFeasibility({ lat: -34.1, lng: 18.5 })).status).toBe("PLANNED");
    await expect(
      importCoverageFile({
        filename: "b.kml",
        text: "<kml>\n<Placemark>\n</kml>",
        defaults: { technology: "FIBRE", status: "LIVE" },
        actor: staff.sales,
      }),
    ).rejects.toThrow(/line \d+/);
  });
});

describe("importServiceableAddresses", () => {
  test("imports, then re-import by external id updates instead of duplicating", async () => {
    const csv =
      "external_id,address,suburb,city,postal_code,lat,lng\nX-1,1 Test Street,Dalsig,Stellenbosch,7600,-33.944,18.867\nX-2,2 Test Street,Dalsig,Stellenbosch,7600,-33.945,18.868\n";
    expect(await importServiceableAddresses({ text: csv, actor: staff.sales })).toEqual({
      imported: 2,
    });
    await importServiceableAddresses({
      text: csv.replace("1 Test Street", "1A Test Street"),
      actor: staff.sales,
    });
    const rows = await db.serviceableAddress.findMany({
      where: { externalId: { in: ["X-1", "X-2"] } },
      orderBy: { externalId: "asc" },
    });
    expect(rows.map((r) => r.line1)).toEqual(["1A Test Street", "2 Test Street"]);
    expect(rows[0].searchText).toBe("1a test street dalsig stellenbosch 7600");
  });

  test("bad rows are reported by line and nothing is written", async () => {
    const before = await db.serviceableAddress.count();
    const csv =
      "line1,city,lat,lng\n5 Good Road,Stellenbosch,-33.9,18.8\n6 Bad Road,Stellenbosch,-133.9,18.8\n7 Worse Road,,abc,18.8\n";
    await expect(importServiceableAddresses({ text: csv, actor: staff.sales })).rejects.toThrow(
      /line 3: lat must be between -90 and 90; line 4: city is empty, lat is not a number/,
    );
    expect(await db.serviceableAddress.count()).toBe(before);
  });

  test("a header without coordinates is refused", async () => {
    await expect(
      importServiceableAddresses({ text: "line1,city\nA,B\n", actor: staff.sales }),
    ).rejects.toThrow(/lacks lat, lng/);
  });

  test("a NUL character anywhere refuses the file, naming the line", async () => {
    const before = await db.serviceableAddress.count();
    const csv = "line1,city,lat,lng\n8 Nul Road,Stellen\u0000bosch,-33.9,18.8\n";
    await expect(importServiceableAddresses({ text: csv, actor: staff.sales })).rejects.toThrow(
      /line 2 contains a NUL character/,
    );
    expect(await db.serviceableAddress.count()).toBe(before);
  });
});

describe("NUL in coverage files", () => {
  test("in the raw text (KML) or as a JSON escape in a name, nothing is imported", async () => {
    const before = await db.coverageArea.count();
    const defaults = { technology: "FIBRE" as const, status: "LIVE" as const };
    await expect(
      importCoverageFile({
        filename: "a.kml",
        text: "<kml>\n<Placemark><name>A\u0000</name></Placemark></kml>",
        defaults,
        actor: staff.sales,
      }),
    ).rejects.toThrow(/line 2 contains a NUL character/);
    const feature = {
      type: "Feature",
      properties: { name: "Nul\u0000Town" },
      geometry: { type: "Polygon", coordinates: [square(19.5, -33.7)] },
    };
    await expect(
      importCoverageFile({
        filename: "a.geojson",
        text: JSON.stringify(feature),
        defaults,
        actor: staff.sales,
      }),
    ).rejects.toThrow(/feature 1 .*must not contain NUL characters/);
    expect(await db.coverageArea.count()).toBe(before);
  });
});
