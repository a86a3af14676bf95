import { describe, expect, test } from "vitest";
import { GridIndex } from "./grid-index";
import { bboxOf, type CoverageGeometry } from "./geometry";

type Ring = [number, number][];
const ring = (lng: number, lat: number, d: number): Ring => [
  [lng - d, lat - d],
  [lng + d, lat - d],
  [lng + d, lat + d],
  [lng - d, lat + d],
  [lng - d, lat - d],
];
const square = (lng: number, lat: number, d: number): CoverageGeometry => ({
  type: "Polygon",
  coordinates: [ring(lng, lat, d)],
});
const area = (name: string, g: CoverageGeometry) => ({ bbox: bboxOf(g), geometry: g, value: name });

describe("GridIndex", () => {
  test("finds every polygon containing a point, honours holes, and ignores near misses", () => {
    const donut: CoverageGeometry = {
      type: "Polygon",
      coordinates: [ring(10, 10, 1), ring(10, 10, 0.2)],
    };
    const index = new GridIndex([
      area("a", square(0, 0, 1)),
      area("b", square(0.5, 0.5, 1)),
      area("donut", donut),
      area("multi", {
        type: "MultiPolygon",
        coordinates: [[ring(20, 20, 0.1)], [ring(30, 30, 0.1)]],
      }),
    ]);
    expect(index.containing(0.75, 0.75).sort()).toEqual(["a", "b"]);
    expect(index.containing(-0.9, -0.9)).toEqual(["a"]);
    expect(index.containing(10.5, 10.5)).toEqual(["donut"]);
    expect(index.containing(10, 10)).toEqual([]);
    expect(index.containing(30, 30)).toEqual(["multi"]);
    expect(index.containing(5, 5)).toEqual([]);
  });

  test("a huge area (continent-sized) is still found", () => {
    const index = new GridIndex([
      area("small", square(0, 0, 0.001)),
      area("huge", square(0, 0, 80)),
    ]);
    expect(index.containing(50, 50)).toEqual(["huge"]);
    expect(index.containing(0, 0).sort()).toEqual(["huge", "small"]);
  });
});
