// Every /api/v1 operation, by domain. A route file binds one of these with apiOperation(); the
// OpenAPI document is generated from this list, and tests/api/openapi-coverage.test.ts fails when
// a route file has a method that is not listed here.
import type { OperationSpec } from "@/lib/http/define-operation";
import { accountOperations } from "./account";
import { jobOperations } from "./jobs";
import { networkOperations } from "./network";

export const OPERATIONS: readonly OperationSpec[] = [
  ...accountOperations,
  ...jobOperations,
  ...networkOperations,
];
