import { apiOperation } from "@/lib/http/api-operation";
import { getCustomerBalance as op } from "@/lib/http/openapi/customers";
import { getCustomerBalance } from "@/lib/ledger/get-customer-balance";

export const GET = apiOperation(op, ({ actor, params }) =>
  getCustomerBalance({ customerId: params.id, actor }),
);
