import { appUrl } from "@/lib/env";
import { apiOperation } from "@/lib/http/api-operation";
import { openApiDocument } from "@/lib/http/openapi/document";
import { getOpenApiDocument } from "@/lib/http/openapi/meta";

export const dynamic = "force-dynamic";

/** The API document, generated from the operations the routes parse and answer with. */
export const GET = apiOperation(
  getOpenApiDocument,
  async () => openApiDocument(appUrl()) as unknown as Record<string, unknown>,
);
