import { NextResponse } from "next/server";
import { appUrl } from "@/lib/env";
import { openApiDocument } from "@/lib/http/openapi/document";
import { openApiDocument as legacyDocument } from "@/lib/http/openapi";

export const dynamic = "force-dynamic";

// While routes move to declared operations, the hand-written paths fill in the rest.
export const GET = () => {
  const generated = openApiDocument(appUrl());
  const legacy = legacyDocument(appUrl());
  return NextResponse.json({
    ...generated,
    paths: { ...legacy.paths, ...generated.paths },
    components: {
      ...generated.components,
      schemas: { ...legacy.components.schemas, ...generated.components?.schemas },
    },
  });
};
