// Feasibility as the server sees it, decided at placement. The browser's map position picked
// the plans the visitor saw; it proves nothing about the address typed into the order. An order
// is verified only when the server itself places the typed address (serviceable-address list or
// geocoder) where the plan is sold; otherwise it is taken as UNVERIFIED for a person to confirm.
import { checkFeasibility } from "@/lib/coverage/check-feasibility";
import { locateAddress, type TypedAddress } from "@/lib/coverage/locate-address";

export type FeasibilityAssessment = {
  feasibility: "ADDRESS_LIST" | "GEOCODED" | "UNVERIFIED";
  /** The position stored on the service address: the server's when verified, else the browser's. */
  lat: number;
  lng: number;
  serviceableAddressId: string | null;
  /** What a person confirming the order needs to know; null when there is nothing to add. */
  note: string | null;
};

export type AssessFeasibilityOptions = {
  address: TypedAddress & { lat: number; lng: number; serviceableAddressId?: string | null };
  planCode: string;
};

const EARTH_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;
/** Great-circle distance (haversine); only ever shown to people, so a float is fine here. */
function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}
const at = (p: { lat: number; lng: number }) => `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}`;

export async function assessFeasibility(
  opts: AssessFeasibilityOptions,
): Promise<FeasibilityAssessment> {
  const { address, planCode } = opts;
  const browser = { lat: address.lat, lng: address.lng };
  const { located, notes } = await locateAddress({
    address,
    serviceableAddressId: address.serviceableAddressId,
  });
  const unverified = (why: string): FeasibilityAssessment => ({
    feasibility: "UNVERIFIED",
    ...browser,
    serviceableAddressId: null,
    note: [...notes, why].join(" "),
  });
  if (!located)
    return unverified(
      `The address is not on the serviceable-address list and no geocoder could place it; only the map position sent by the browser (${at(browser)}) is in coverage.`,
    );
  const offered = await checkFeasibility({ lat: located.lat, lng: located.lng });
  const sold = offered.technologies.some((t) => t.plans.some((p) => p.code === planCode));
  const by = located.source === "LIST" ? "the serviceable-address list" : "the geocoder";
  if (!sold)
    return unverified(
      `By ${by} the address is at ${at(located)}, ${distanceKm(located, browser).toFixed(1)} km from the map position sent by the browser, where ${planCode} is not sold.`,
    );
  return {
    feasibility: located.source === "LIST" ? "ADDRESS_LIST" : "GEOCODED",
    lat: located.lat,
    lng: located.lng,
    serviceableAddressId: located.source === "LIST" ? located.serviceableAddressId : null,
    note: notes.length ? notes.join(" ") : null,
  };
}
