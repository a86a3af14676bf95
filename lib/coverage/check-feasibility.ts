// "Can you serve this spot?" The point is matched against the cached polygon index; plans come
// from the live areas containing it. Planned areas invite a "notify me" lead instead.
import "server-only";
import { db } from "@/lib/db";
import type { Technology } from "@/lib/generated/prisma/enums";
import { PUBLIC_PRODUCT_SELECT, type PublicProduct } from "@/lib/catalog/public-product";
import { getCoverageIndex, type AreaRef } from "./coverage-index";
import { feasibilityQuerySchema } from "./feasibility-schema";

export type FeasibilityStatus = "AVAILABLE" | "PLANNED" | "UNAVAILABLE";
export type FeasibilityResult = {
  lat: number;
  lng: number;
  status: FeasibilityStatus;
  areas: AreaRef[];
  /** Plans by technology, fastest technology first, cheapest plan first. */
  technologies: { technology: Technology; plans: PublicProduct[] }[];
  addons: PublicProduct[];
  currency: string;
  locale: string;
  pricesIncludeTax: boolean;
};

const TECH_ORDER: Technology[] = ["FIBRE", "WIRELESS", "LTE"];

export async function checkFeasibility(opts: {
  lat: number;
  lng: number;
}): Promise<FeasibilityResult> {
  const { lat, lng } = feasibilityQuerySchema.parse(opts);
  const index = await getCoverageIndex();
  const areas = index.containing(lat, lng);
  const live = areas.filter((a) => a.status === "LIVE");
  const [products, settings] = await Promise.all([
    live.length
      ? db.product.findMany({
          where: {
            status: "ACTIVE",
            coverageAreas: { some: { id: { in: live.map((a) => a.id) } } },
          },
          orderBy: [{ price: "asc" }, { sortOrder: "asc" }],
          select: PUBLIC_PRODUCT_SELECT,
        })
      : [],
    db.ispSettings.findUnique({
      where: { id: 1 },
      select: { currency: true, locale: true, pricesIncludeTax: true },
    }),
  ]);
  // A plan is offered only where its own technology is live, even if an admin linked it wider.
  const liveTech = new Set(live.map((a) => a.technology));
  const plans = products.filter(
    (p) => p.kind === "PLAN" && p.technology && liveTech.has(p.technology),
  );
  const technologies = TECH_ORDER.map((technology) => ({
    technology,
    plans: plans.filter((p) => p.technology === technology),
  })).filter((t) => t.plans.length > 0);
  const status: FeasibilityStatus = technologies.length
    ? "AVAILABLE"
    : areas.some((a) => a.status === "PLANNED")
      ? "PLANNED"
      : "UNAVAILABLE";
  return {
    lat,
    lng,
    status,
    areas,
    technologies,
    addons: technologies.length ? products.filter((p) => p.kind === "ADDON") : [],
    currency: settings?.currency ?? "USD",
    locale: settings?.locale ?? "en",
    pricesIncludeTax: settings?.pricesIncludeTax ?? true,
  };
}
