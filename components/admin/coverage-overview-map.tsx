"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import type { MapArea } from "@/components/storefront/coverage-map";

const CoverageMap = dynamic(() => import("@/components/storefront/coverage-map"), {
  ssr: false,
  loading: () => <Skeleton className="h-96 w-full rounded-xl" />,
});

export function CoverageOverviewMap({
  center,
  areas,
}: {
  center: [number, number];
  areas: MapArea[];
}) {
  return <CoverageMap center={center} areas={areas} pin={null} className="h-96" />;
}
