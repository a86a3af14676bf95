import { NextResponse } from "next/server";
import { appUrl } from "@/lib/env";
import { openApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-dynamic";
export const GET = () => NextResponse.json(openApiDocument(appUrl()));
