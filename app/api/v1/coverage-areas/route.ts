import { apiRoute } from "@/lib/http/api-route";
import { listCoverageAreas } from "@/lib/coverage/list-coverage-areas";
import { createCoverageArea } from "@/lib/coverage/create-coverage-area";

export const GET = apiRoute(async ({ actor }) => {
  const areas = await listCoverageAreas({ actor, withGeometry: true });
  return {
    data: areas.map(({ _count, minLat, minLng, maxLat, maxLng, ...a }) => ({
      ...a,
      bbox: [minLng, minLat, maxLng, maxLat],
      productCount: _count.products,
      leadCount: _count.leads,
    })),
  };
});

export const POST = apiRoute(
  async ({ req, actor }) => createCoverageArea({ input: await req.json(), actor }),
  { status: 201 },
);
