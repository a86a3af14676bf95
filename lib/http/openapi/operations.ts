// Every /api/v1 operation, by domain. A route file binds one of these with apiOperation(); the
// OpenAPI document is generated from this list, and tests/api/openapi-coverage.test.ts fails when
// a route file has a method that is not listed here.
import type { OperationSpec } from "@/lib/http/define-operation";
import { accountOperations } from "./account";
import { catalogOperations } from "./catalog";
import { invoiceOperations } from "./invoices";
import { jobOperations } from "./jobs";
import { networkOperations } from "./network";
import { paymentOperations } from "./payments";
import { sandboxOperations } from "./sandbox";
import { settingsOperations } from "./settings";
import { subscriptionOperations } from "./subscriptions";

export const OPERATIONS: readonly OperationSpec[] = [
  ...accountOperations,
  ...catalogOperations,
  ...invoiceOperations,
  ...jobOperations,
  ...networkOperations,
  ...paymentOperations,
  ...sandboxOperations,
  ...settingsOperations,
  ...subscriptionOperations,
];
