import { apiOperation } from "@/lib/http/api-operation";
import {
  createCoverageArea as createOp,
  listCoverageAreas as listOp,
} from "@/lib/http/openapi/coverage";
import { listCoverageAreas } from "@/lib/coverage/list-coverage-areas";
import { createCoverageArea } from "@/lib/coverage/create-coverage-area";
import type { CoverageGeometry } from "@/lib/coverage/geometry";

export const GET = apiOperation(listOp, async ({ actor }) => {
  const areas = await listCoverageAreas({ actor, withGeometry: true });
  return {
    data: areas.map(({ _count, minLat, minLng, maxLat, maxLng, geometry, ...a }) => ({
      ...a,
      geometry: geometry as CoverageGeometry,
      bbox: [minLng, minLat, maxLng, maxLat] as [number, number, number, number],
      productCount: _count.products,
      leadCount: _count.leads,
    })),
  };
});

export const POST = apiOperation(createOp, ({ actor, body }) =>
  createCoverageArea({ input: body, actor }),
);
