import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { listOrders } from "@/lib/orders/list-orders";

const query = z.object({
  status: z.enum(["NEW", "SCHEDULED", "ACTIVATED", "CANCELLED"]).optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const GET = apiRoute(async ({ req, actor }) => {
  const q = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  const { orders, counts } = await listOrders({ actor, status: q.status, q: q.q, take: q.limit });
  return { data: orders, counts };
});
