// Every HTTP API operation, by domain. A route file binds one of these with apiOperation(); the
// OpenAPI document is generated from this list, and tests/api/openapi-coverage.test.ts fails when
// a route file has a method that is not listed here.
import type { OperationSpec } from "@/lib/http/define-operation";
import { accountOperations } from "./account";
import { auditOperations } from "./audit";
import { bankOperations } from "./bank";
import { billingOperations } from "./billing";
import { catalogOperations } from "./catalog";
import { coverageOperations } from "./coverage";
import { customerOperations } from "./customers";
import { dunningOperations } from "./dunning";
import { invoiceOperations } from "./invoices";
import { jobOperations } from "./jobs";
import { metaOperations } from "./meta";
import { networkOperations } from "./network";
import { orderOperations } from "./orders";
import { paymentOperations } from "./payments";
import { railOperations } from "./rails";
import { reportOperations } from "./reports";
import { sandboxOperations } from "./sandbox";
import { settingsOperations } from "./settings";
import { storefrontOperations } from "./storefront";
import { subscriptionOperations } from "./subscriptions";
import { ticketOperations } from "./tickets";

export const OPERATIONS: readonly OperationSpec[] = [
  ...accountOperations,
  ...customerOperations,
  ...subscriptionOperations,
  ...billingOperations,
  ...invoiceOperations,
  ...paymentOperations,
  ...railOperations,
  ...bankOperations,
  ...dunningOperations,
  ...reportOperations,
  ...catalogOperations,
  ...coverageOperations,
  ...orderOperations,
  ...networkOperations,
  ...ticketOperations,
  ...jobOperations,
  ...auditOperations,
  ...settingsOperations,
  ...sandboxOperations,
  ...storefrontOperations,
  ...metaOperations,
];
