"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** The drawing map, loaded in the browser only (Leaflet needs `window`). */
export const PolygonDrawField = dynamic(() => import("./polygon-draw-map"), {
  ssr: false,
  loading: () => <Skeleton className="h-96 w-full rounded-lg" />,
});
