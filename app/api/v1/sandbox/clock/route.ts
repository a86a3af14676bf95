import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { apiOperation } from "@/lib/http/api-operation";
import type { OperationSpec } from "@/lib/http/define-operation";
import { errorResponse } from "@/lib/http/error-response";
import {
  getSandboxClockOp,
  resetSandboxClockOp,
  setSandboxClockOp,
} from "@/lib/http/openapi/sandbox";
import { getSandboxClock } from "@/lib/sandbox/get-sandbox-clock";
import { resetSandboxClock } from "@/lib/sandbox/reset-sandbox-clock";
import { setSandboxClock } from "@/lib/sandbox/set-sandbox-clock";

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

// Without SANDBOX_CLOCK the route does not exist: 404 before the key is even looked at. The
// operation stays attached so the coverage test still finds the declaration.
const sandboxOnly = <H extends Handler & { operation: OperationSpec }>(handler: H) =>
  Object.assign(
    async (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) =>
      env.SANDBOX_CLOCK ? handler(req, ctx) : errorResponse(notFound("Sandbox clock"), "sandbox"),
    { operation: handler.operation },
  );

export const GET = sandboxOnly(
  apiOperation(getSandboxClockOp, ({ actor }) => getSandboxClock({ actor })),
);
export const PUT = sandboxOnly(
  apiOperation(setSandboxClockOp, ({ actor, body }) =>
    setSandboxClock({ actor, now: new Date(body.now) }),
  ),
);
export const DELETE = sandboxOnly(
  apiOperation(resetSandboxClockOp, ({ actor }) => resetSandboxClock({ actor })),
);
