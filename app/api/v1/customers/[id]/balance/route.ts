import { apiRoute } from "@/lib/http/api-route";
import { getCustomerBalance } from "@/lib/ledger/get-customer-balance";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  getCustomerBalance({ customerId: params.id, actor }),
);
