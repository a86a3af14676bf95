// The API tests call this on every response they read: the status and body must be what the
// operation documents in /api/v1/openapi.json (lib/http/openapi/conformance.ts).
import { expect } from "vitest";
import type { OperationSpec } from "@/lib/http/define-operation";
import { responseMismatch } from "@/lib/http/openapi/conformance";

export function expectDocumented(op: OperationSpec, status: number, body: unknown) {
  expect(responseMismatch(op, status, body)).toBeNull();
}
