import { apiRoute } from "@/lib/http/api-route";
import { searchCustomers } from "@/lib/customers/search-customers";
import { createCustomer } from "@/lib/customers/create-customer";

export const GET = apiRoute(async ({ req, actor }) => {
  const p = req.nextUrl.searchParams;
  return searchCustomers({
    actor,
    q: p.get("q") ?? undefined,
    after: p.get("after") ?? undefined,
    limit: p.get("limit") ?? undefined,
  });
});

// POST /customers: a customer account to bill (see lib/customers/create-customer.ts).
export const POST = apiRoute(
  async ({ req, actor }) => createCustomer({ input: await req.json(), actor }),
  { status: 201 },
);
