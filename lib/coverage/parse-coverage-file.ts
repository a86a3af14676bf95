// Reads an uploaded coverage file (GeoJSON or KML) into candidate areas. Every problem names
// the feature or placemark (and, for broken XML, the line) so the admin can fix the file; the
// caller imports nothing unless the whole file is clean.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { AppError } from "@/lib/errors";
import { hasNul, NUL_MESSAGE, nulLine } from "@/lib/http/schemas";
import { geometryProblem, normalizeGeometry, type CoverageGeometry } from "./geometry";

export type ParsedArea = {
  name: string | null;
  technology: string | null;
  status: string | null;
  geometry: CoverageGeometry;
};
type Raw = {
  label: string;
  name: string | null;
  technology: string | null;
  status: string | null;
  geometry: unknown;
};

function fail(problems: string[]): never {
  const shown = problems.slice(0, 10).join("; ");
  throw new AppError(
    "VALIDATION",
    `The file was not imported: ${shown}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ""}.`,
  );
}

function fromGeoJson(text: string): Raw[] {
  let doc: {
    type?: string;
    features?: unknown[];
    geometry?: unknown;
    properties?: Record<string, unknown>;
  };
  try {
    doc = JSON.parse(text);
  } catch (e) {
    fail([`not valid JSON (${e instanceof Error ? e.message : "parse error"})`]);
  }
  const features =
    doc.type === "FeatureCollection"
      ? (doc.features ?? [])
      : doc.type === "Feature"
        ? [doc]
        : [{ geometry: doc, properties: {} }];
  return features.map((f, i) => {
    const feature = f as { geometry?: unknown; properties?: Record<string, unknown> | null };
    const p = feature.properties ?? {};
    const str = (k: string) => (typeof p[k] === "string" && p[k] ? String(p[k]) : null);
    const name = str("name") ?? str("NAME") ?? str("title");
    return {
      label: `feature ${i + 1}${name ? ` ("${name}")` : ""}`,
      name,
      technology: str("technology"),
      status: str("status"),
      geometry: feature.geometry,
    };
  });
}

type KmlNode = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

function kmlRing(boundary: unknown): number[][] {
  const coords = String(((boundary as KmlNode)?.LinearRing as KmlNode)?.coordinates ?? "").trim();
  return coords
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => t.split(",").slice(0, 2).map(Number));
}

function kmlPolygons(node: KmlNode): number[][][][] {
  const polys = asArray(node.Polygon as KmlNode | KmlNode[]).map((p) => [
    kmlRing(p.outerBoundaryIs),
    ...asArray(p.innerBoundaryIs).map(kmlRing),
  ]);
  for (const multi of asArray(node.MultiGeometry as KmlNode | KmlNode[]))
    polys.push(...kmlPolygons(multi));
  return polys;
}

function collectPlacemarks(node: unknown, out: KmlNode[]) {
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "Placemark") out.push(...asArray(value as KmlNode | KmlNode[]));
    else if (typeof value === "object")
      for (const child of asArray(value)) collectPlacemarks(child, out);
  }
}

function fromKml(text: string): Raw[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) fail([`line ${valid.err.line}: ${valid.err.msg}`]);
  const doc = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
  }).parse(text);
  const placemarks: KmlNode[] = [];
  collectPlacemarks(doc, placemarks);
  return placemarks.map((pm, i) => {
    const name = pm.name ? String(pm.name) : null;
    const polys = kmlPolygons(pm);
    const geometry =
      polys.length === 1
        ? { type: "Polygon", coordinates: polys[0] }
        : { type: "MultiPolygon", coordinates: polys };
    return {
      label: `placemark ${i + 1}${name ? ` ("${name}")` : ""}`,
      name,
      technology: null,
      status: null,
      geometry: polys.length ? geometry : null,
    };
  });
}

export function parseCoverageFile(opts: { filename: string; text: string }): ParsedArea[] {
  const nul = nulLine(opts.text);
  if (nul) fail([`line ${nul} contains a NUL character`]);
  const kml = /\.kml$/i.test(opts.filename) || opts.text.trimStart().startsWith("<");
  const raw = kml ? fromKml(opts.text) : fromGeoJson(opts.text);
  if (!raw.length) fail([kml ? "no Placemark with a Polygon found" : "no features found"]);
  const problems: string[] = [];
  const areas: ParsedArea[] = [];
  for (const r of raw) {
    // JSON can spell NUL as an escape (\u0000), which the check of the raw text cannot see.
    const problem = [r.name, r.technology, r.status].some((v) => v && hasNul(v))
      ? `a property ${NUL_MESSAGE}`
      : r.geometry
        ? geometryProblem(r.geometry)
        : "it has no polygon geometry";
    if (problem) problems.push(`${r.label}: ${problem}`);
    else
      areas.push({
        name: r.name,
        technology: r.technology,
        status: r.status,
        geometry: normalizeGeometry(r.geometry as CoverageGeometry),
      });
  }
  if (problems.length) fail(problems);
  return areas;
}
