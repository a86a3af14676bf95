// A uniform grid over the areas' bounding boxes: a lookup visits only the areas whose box
// touches the point's cell, then runs the exact point-in-polygon test on those few. With
// 1,000 polygons this keeps a check to microseconds, independent of the database.
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Bbox, CoverageGeometry } from "./geometry";

export type IndexedArea<T> = { bbox: Bbox; geometry: CoverageGeometry; value: T };

const MAX_CELLS_PER_AREA = 4096; // larger areas go to a short list checked on every lookup

export class GridIndex<T> {
  private readonly cells = new Map<number, IndexedArea<T>[]>();
  private readonly large: IndexedArea<T>[] = [];
  private readonly cell: number;
  private readonly cols: number;

  constructor(private readonly areas: IndexedArea<T>[]) {
    // Aim for a few areas per cell: the grid's side grows with √n over the covered extent.
    let minLat = 90,
      maxLat = -90,
      minLng = 180,
      maxLng = -180;
    for (const a of areas) {
      minLat = Math.min(minLat, a.bbox.minLat);
      maxLat = Math.max(maxLat, a.bbox.maxLat);
      minLng = Math.min(minLng, a.bbox.minLng);
      maxLng = Math.max(maxLng, a.bbox.maxLng);
    }
    const extent = Math.max(maxLat - minLat, maxLng - minLng, 0.001);
    this.cell = Math.max(extent / Math.max(8, Math.ceil(Math.sqrt(areas.length) * 2)), 0.0005);
    this.cols = Math.ceil(360 / this.cell) + 1;
    for (const a of areas) {
      const [x0, y0] = this.cellOf(a.bbox.minLat, a.bbox.minLng);
      const [x1, y1] = this.cellOf(a.bbox.maxLat, a.bbox.maxLng);
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS_PER_AREA) {
        this.large.push(a);
        continue;
      }
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const key = y * this.cols + x;
          const list = this.cells.get(key);
          if (list) list.push(a);
          else this.cells.set(key, [a]);
        }
      }
    }
  }

  get size() {
    return this.areas.length;
  }

  private cellOf(lat: number, lng: number): [number, number] {
    return [Math.floor((lng + 180) / this.cell), Math.floor((lat + 90) / this.cell)];
  }

  /** Every area containing the point (boundary counts as inside). */
  containing(lat: number, lng: number): T[] {
    const [x, y] = this.cellOf(lat, lng);
    const candidates = [...(this.cells.get(y * this.cols + x) ?? []), ...this.large];
    const out: T[] = [];
    for (const a of candidates) {
      const b = a.bbox;
      if (lat < b.minLat || lat > b.maxLat || lng < b.minLng || lng > b.maxLng) continue;
      if (booleanPointInPolygon([lng, lat], a.geometry)) out.push(a.value);
    }
    return out;
  }
}
