// The one place errors become HTTP responses: AppError → its status and message; zod errors →
// 400 with field messages; anything else → 500 with a generic message (details only in the log).
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";

export type ApiErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string> };
};

export function toAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) {
    const fields = Object.fromEntries(e.issues.map((i) => [i.path.join(".") || "_", i.message]));
    return new AppError("VALIDATION", "Some fields are not valid.", fields);
  }
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
    return new AppError("CONFLICT", "That already exists.");
  }
  if (e instanceof SyntaxError)
    return new AppError("VALIDATION", "The request body is not valid JSON.");
  return null;
}

export function errorResponse(e: unknown, context: string): NextResponse<ApiErrorBody> {
  const known = toAppError(e);
  if (known) {
    return NextResponse.json(
      { error: { code: known.code, message: known.message, fields: known.fields } },
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
