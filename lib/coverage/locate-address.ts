// Where is this typed address, by the server's own sources? The ISP's serviceable-address list
// first (the entry the visitor picked, if its fields are still what they typed, else a match on
// street and town), then the pluggable geocoder. A browser-sent position is never an answer here.
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { getGeocoder } from "./geocoder";

export type TypedAddress = {
  line1: string;
  suburb?: string | null;
  city: string;
  postalCode?: string | null;
};

export type LocatedAddress =
  | { source: "LIST"; lat: number; lng: number; serviceableAddressId: string; label: string }
  | { source: "GEOCODER"; lat: number; lng: number; label: string };

export type LocateAddressResult = {
  located: LocatedAddress | null;
  /** Why the list entry the visitor picked was not used, for the person who checks. */
  notes: string[];
};

export type LocateAddressOptions = { address: TypedAddress; serviceableAddressId?: string | null };

const norm = (s: string | null | undefined) =>
  (s ?? "").toLowerCase().replace(/[.,]/g, " ").replace(/\s+/g, " ").trim();
const label = (a: TypedAddress) =>
  [a.line1, a.suburb, a.city, a.postalCode].filter(Boolean).join(", ");
const SELECT = {
  id: true,
  line1: true,
  suburb: true,
  city: true,
  postalCode: true,
  lat: true,
  lng: true,
} as const;

/** Same street address and town; suburb and postal code must agree where both are given. */
function sameAddress(typed: TypedAddress, listed: TypedAddress) {
  const optional = (a?: string | null, b?: string | null) =>
    !norm(a) || !norm(b) || norm(a) === norm(b);
  return (
    norm(typed.line1) === norm(listed.line1) &&
    norm(typed.city) === norm(listed.city) &&
    optional(typed.suburb, listed.suburb) &&
    optional(typed.postalCode, listed.postalCode)
  );
}

export async function locateAddress(opts: LocateAddressOptions): Promise<LocateAddressResult> {
  const { address } = opts;
  const notes: string[] = [];
  if (opts.serviceableAddressId) {
    const picked = await db.serviceableAddress.findUnique({
      where: { id: opts.serviceableAddressId },
      select: SELECT,
    });
    if (picked && sameAddress(address, picked))
      return {
        located: { source: "LIST", ...pick(picked), label: label(picked) },
        notes,
      };
    notes.push(
      picked
        ? `The address typed differs from the listed address picked on the map (${label(picked)}).`
        : "The listed address picked on the map no longer exists.",
    );
  }
  // searchText is the lower-cased "line1 suburb city postal"; the trigram index serves contains.
  const street = norm(address.line1).replace(/[\\%_]/g, (c) => `\\${c}`);
  const candidates = await db.serviceableAddress.findMany({
    where: {
      searchText: { contains: street },
      city: { equals: address.city.trim(), mode: "insensitive" },
    },
    take: 20,
    select: SELECT,
  });
  const listed = candidates.find((c) => sameAddress(address, c));
  if (listed) return { located: { source: "LIST", ...pick(listed), label: label(listed) }, notes };

  const geocoder = getGeocoder();
  if (!geocoder) return { located: null, notes };
  const [match] = await geocoder.search(label(address), 1).catch((err: unknown) => {
    logger.warn({ err, geocoder: geocoder.name }, "geocoder failed while checking an order");
    notes.push(`The geocoder (${geocoder.name}) could not be reached.`);
    return [];
  });
  if (!match) return { located: null, notes };
  return {
    located: { source: "GEOCODER", lat: match.lat, lng: match.lng, label: match.label },
    notes,
  };
}

function pick(a: { id: string; lat: number; lng: number }) {
  return { lat: a.lat, lng: a.lng, serviceableAddressId: a.id };
}
