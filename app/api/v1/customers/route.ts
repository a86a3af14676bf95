import { apiOperation } from "@/lib/http/api-operation";
import {
  createCustomer as createOp,
  searchCustomers as searchOp,
} from "@/lib/http/openapi/customers";
import { searchCustomers } from "@/lib/customers/search-customers";
import { createCustomer } from "@/lib/customers/create-customer";

export const GET = apiOperation(searchOp, ({ actor, query }) =>
  searchCustomers({ actor, ...query }),
);

// POST /customers: a customer account to bill (see lib/customers/create-customer.ts).
export const POST = apiOperation(createOp, ({ actor, body }) =>
  createCustomer({ input: body, actor }),
);
