// Address look-up for the feasibility check: the ISP's own serviceable-address list first
// ("homes passed"), then the pluggable geocoder if one is configured.
import "server-only";
import { db } from "@/lib/db";
import { getGeocoder } from "./geocoder";
import { addressQuerySchema } from "./feasibility-schema";

export type AddressMatch = {
  id: string | null;
  label: string;
  lat: number;
  lng: number;
  source: "list" | "geocoder";
};

const LIMIT = 8;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchAddresses(opts: { q: string }): Promise<AddressMatch[]> {
  const { q } = addressQuerySchema.parse(opts);
  const words = q.toLowerCase().replace(/[,]+/g, " ").split(/\s+/).filter(Boolean).slice(0, 6);
  // Every typed word must appear; a prefix match on the whole query ranks first.
  const rows = await db.serviceableAddress.findMany({
    where: { AND: words.map((w) => ({ searchText: { contains: escapeLike(w) } })) },
    orderBy: [{ line1: "asc" }],
    take: 50,
    select: {
      id: true,
      line1: true,
      suburb: true,
      city: true,
      postalCode: true,
      lat: true,
      lng: true,
      searchText: true,
    },
  });
  const prefix = words.join(" ");
  rows.sort(
    (a, b) => Number(b.searchText.startsWith(prefix)) - Number(a.searchText.startsWith(prefix)),
  );
  const found: AddressMatch[] = rows.slice(0, LIMIT).map((r) => ({
    id: r.id,
    label: [r.line1, r.suburb, r.city, r.postalCode].filter(Boolean).join(", "),
    lat: r.lat,
    lng: r.lng,
    source: "list",
  }));
  const geocoder = getGeocoder();
  if (geocoder && found.length < LIMIT) {
    const more = await geocoder.search(q, LIMIT - found.length).catch(() => []);
    found.push(
      ...more.map((m) => ({
        id: null,
        label: m.label,
        lat: m.lat,
        lng: m.lng,
        source: "geocoder" as const,
      })),
    );
  }
  return found;
}
