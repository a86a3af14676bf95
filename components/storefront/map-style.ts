// Colours for coverage on every map (storefront and back office), by technology and status.
export const TECH_COLOR: Record<string, string> = {
  FIBRE: "#0d9488",
  WIRELESS: "#0284c7",
  LTE: "#7c3aed",
};
export const PLANNED_COLOR = "#d97706";

export function areaStyle(a: { technology: string; status: string }, highlighted = false) {
  const planned = a.status === "PLANNED";
  const color = planned ? PLANNED_COLOR : (TECH_COLOR[a.technology] ?? "#475569");
  return {
    color,
    weight: highlighted ? 3 : 1.5,
    fillColor: color,
    fillOpacity: planned ? 0.12 : highlighted ? 0.35 : 0.22,
    dashArray: planned ? "6 4" : undefined,
  };
}
