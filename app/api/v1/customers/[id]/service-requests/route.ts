import { apiOperation } from "@/lib/http/api-operation";
import { createServiceRequest as op } from "@/lib/http/openapi/customers";
import { createServiceRequest } from "@/lib/orders/service-requests/create-service-request";

// POST: a service set up by staff or an integrator, waiting for the customer's signature.
export const POST = apiOperation(op, ({ actor, params, body }) =>
  createServiceRequest({ actor, ...body, customerId: params.id }),
);
