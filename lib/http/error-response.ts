// The one place errors become HTTP responses: AppError → its status and message; zod errors →
// 400 with field messages; input PostgreSQL refused (NUL bytes, numbers out of range) → 400;
// anything else → 500 with a generic message (details only in the log).
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";

export type ApiErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string> };
};

// SQLSTATEs for values PostgreSQL cannot take. The zod boundary (lib/http/schemas.ts) refuses
// them first; this is the net under any input that reaches a query without passing it.
const REFUSED_BY_DATABASE: Record<string, string> = {
  "22021": "Text may not contain NUL characters.", // invalid byte sequence (NUL in text)
  "22P05": "Text may not contain NUL characters.", // untranslatable character
  "22003": "A number is out of range.",
  "22008": "A date is out of range.",
  "22007": "A date or time is not valid.",
  "22P02": "A value has the wrong format.",
};

function databaseCode(e: Prisma.PrismaClientKnownRequestError): string | undefined {
  const meta = e.meta as { driverAdapterError?: { cause?: { code?: string } } } | undefined;
  return meta?.driverAdapterError?.cause?.code;
}

export function toAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) {
    const fields = Object.fromEntries(e.issues.map((i) => [i.path.join(".") || "_", i.message]));
    return new AppError("VALIDATION", "Some fields are not valid.", fields);
  }
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    if (e.code === "P2002") return new AppError("CONFLICT", "That already exists.");
    if (e.code === "P2025") return new AppError("NOT_FOUND", "Not found");
    const refused = REFUSED_BY_DATABASE[databaseCode(e) ?? ""];
    if (refused) return new AppError("VALIDATION", refused);
  }
  if (e instanceof SyntaxError)
    return new AppError("VALIDATION", "The request body is not valid JSON.");
  return null;
}

/** An API client reads the message, not a form: name the fields in it ("limit: must be …"). */
function withFields(e: AppError): string {
  const named = Object.entries(e.fields ?? {}).slice(0, 3);
  if (!named.length) return e.message;
  return `${e.message} ${named.map(([k, v]) => `${k}: ${v}`).join("; ")}.`;
}

export function errorResponse(e: unknown, context: string): NextResponse<ApiErrorBody> {
  const known = toAppError(e);
  if (known) {
    return NextResponse.json(
      { error: { code: known.code, message: withFields(known), fields: known.fields } },
      { status: known.status },
    );
  }
  logger.error({ err: e, context }, "unexpected error");
  return NextResponse.json(
    {
      error: { code: "INTERNAL", message: "Something went wrong on our side. It has been logged." },
    },
    { status: 500 },
  );
}
