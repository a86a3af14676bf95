import { apiRoute } from "@/lib/http/api-route";
import { searchCustomers } from "@/lib/customers/search-customers";

export const GET = apiRoute(async ({ req, actor }) => {
  const p = req.nextUrl.searchParams;
  return searchCustomers(actor, { q: p.get("q") ?? undefined, after: p.get("after") ?? undefined, limit: p.get("limit") ?? undefined });
});
