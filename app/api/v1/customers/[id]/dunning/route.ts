import { getCustomerDunning } from "@/lib/dunning/get-customer-dunning";
import { apiOperation } from "@/lib/http/api-operation";
import { getCustomerDunningOp } from "@/lib/http/openapi/dunning";

export const GET = apiOperation(getCustomerDunningOp, ({ actor, params }) =>
  getCustomerDunning({ actor, customerId: params.id }),
);
