// The pluggable geocoder for addresses that are not on the serviceable-address list. None is
// configured by default (an offline install has nothing to ask); an ISP that has one registers
// it at start-up with setGeocoder, and address search then offers its matches too.
export type GeocodeMatch = { label: string; lat: number; lng: number };
export type Geocoder = {
  name: string;
  search(query: string, limit: number): Promise<GeocodeMatch[]>;
};

const holder = globalThis as unknown as { lastmileGeocoder?: Geocoder | null };

export function setGeocoder(geocoder: Geocoder | null) {
  holder.lastmileGeocoder = geocoder;
}

export function getGeocoder(): Geocoder | null {
  return holder.lastmileGeocoder ?? null;
}
