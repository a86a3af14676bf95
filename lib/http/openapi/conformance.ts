// Does a live response match what its operation documents? Used by the API tests
// (tests/support/expect-documented.ts) and the e2e security specs against the running server:
// the status must be declared, and the body must be exactly the declared schema — parsing may
// not fail, and may not drop a field the schema does not name (an undocumented field is drift).
import { isDeepStrictEqual } from "node:util";
import type { OperationSpec } from "@/lib/http/define-operation";
import { ApiError } from "./common";
import { documentedErrors } from "./document";

/** Why `body` with `status` is not what `op` documents, or null when it is. */
export function responseMismatch(op: OperationSpec, status: number, body: unknown): string | null {
  const name = `${op.method} ${op.path}`;
  const declared = op.responses[status as keyof OperationSpec["responses"]];
  const schema =
    declared !== undefined ? declared : status in documentedErrors(op) ? ApiError : undefined;
  if (schema === undefined) return `${name} answered ${status}, which it does not document`;
  if (schema === null) return body == null || body === "" ? null : `${name} ${status} has a body`;
  if (op.produces && declared !== undefined) return null; // a file, not JSON
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    return `${name} ${status} does not match its schema: ${issues.slice(0, 5).join("; ")}`;
  }
  // Compare through JSON so `undefined` members count as absent on both sides.
  const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
  if (!isDeepStrictEqual(json(parsed.data), json(body)))
    return `${name} ${status} has fields its schema does not document: ${undocumented(json(body), json(parsed.data)).join(", ")}`;
  return null;
}

function undocumented(body: unknown, kept: unknown, path = ""): string[] {
  if (Array.isArray(body) && Array.isArray(kept))
    return body.flatMap((b, i) => undocumented(b, kept[i], `${path}[${i}]`)).slice(0, 5);
  if (body && kept && typeof body === "object" && typeof kept === "object") {
    return Object.keys(body).flatMap((k) =>
      k in kept
        ? undocumented(
            (body as Record<string, unknown>)[k],
            (kept as Record<string, unknown>)[k],
            `${path}.${k}`,
          )
        : [`${path}.${k}`],
    );
  }
  return isDeepStrictEqual(body, kept) ? [] : [path || "(root)"];
}
