// The demo ISP: "Boland Fibre" in Stellenbosch, South Africa. Coordinates are real; the
// coverage polygons are drawn roughly around real suburbs. GeoJSON order is [lng, lat].
type Ring = [number, number][];

const box = (lng: number, lat: number, dLng: number, dLat: number): Ring => [
  [lng - dLng, lat - dLat],
  [lng + dLng, lat - dLat],
  [lng + dLng * 1.1, lat + dLat * 0.2],
  [lng + dLng, lat + dLat],
  [lng - dLng, lat + dLat],
  [lng - dLng * 1.1, lat - dLat * 0.1],
  [lng - dLng, lat - dLat],
];

export const TOWN = {
  name: "Stellenbosch",
  center: [-33.9346, 18.8668] as [number, number],
  postalCode: "7600",
  region: "Western Cape",
};

export const SUBURBS = [
  { name: "Die Boord", lat: -33.9495, lng: 18.8525, tech: "FIBRE", status: "LIVE" },
  { name: "Mostertsdrift", lat: -33.939, lng: 18.8745, tech: "FIBRE", status: "LIVE" },
  { name: "Uniepark", lat: -33.9255, lng: 18.88, tech: "FIBRE", status: "LIVE" },
  { name: "Dalsig", lat: -33.944, lng: 18.867, tech: "FIBRE", status: "LIVE" },
  { name: "Paradyskloof", lat: -33.9625, lng: 18.873, tech: "FIBRE", status: "PLANNED" },
  { name: "Idas Valley", lat: -33.924, lng: 18.892, tech: "WIRELESS", status: "LIVE" },
  { name: "Cloetesville", lat: -33.918, lng: 18.854, tech: "WIRELESS", status: "LIVE" },
  { name: "Jamestown", lat: -33.975, lng: 18.847, tech: "WIRELESS", status: "LIVE" },
] as const;

export function suburbPolygon(s: (typeof SUBURBS)[number]) {
  const d = s.tech === "WIRELESS" ? 0.012 : 0.0065;
  return { type: "Polygon" as const, coordinates: [box(s.lng, s.lat, d, d * 0.8)] };
}

export const STREETS = [
  "Dorp Street",
  "Church Street",
  "Bird Street",
  "Andringa Street",
  "Merriman Avenue",
  "Victoria Street",
  "Ryneveld Street",
  "Plein Street",
  "Banghoek Road",
  "Helshoogte Road",
  "Van Riebeeck Street",
  "Hammanshand Road",
  "Piet Retief Street",
  "Rokewood Avenue",
  "Oak Avenue",
  "Jonkershoek Road",
  "Paul Kruger Street",
  "Neethling Street",
];

export const FIRST_NAMES = [
  "Thabo",
  "Anele",
  "Pieter",
  "Marike",
  "Sipho",
  "Lerato",
  "Johan",
  "Nomvula",
  "Ruan",
  "Chantel",
  "Kagiso",
  "Elsabe",
  "Zanele",
  "Hendrik",
  "Ayanda",
  "Carla",
  "Lwazi",
  "Ilse",
  "Bongani",
  "Annelie",
  "Tshepo",
  "Riaan",
  "Naledi",
  "Francois",
];
export const LAST_NAMES = [
  "Mokoena",
  "van der Merwe",
  "Dlamini",
  "Botha",
  "Nkosi",
  "Pretorius",
  "Naidoo",
  "Smit",
  "Khumalo",
  "du Plessis",
  "Mahlangu",
  "Coetzee",
  "Ndlovu",
  "Venter",
  "Pillay",
  "Fourie",
  "Zulu",
  "Steyn",
  "Mthembu",
  "Jacobs",
];
