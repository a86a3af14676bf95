// The API describing itself.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";

export const getOpenApiDocument = defineOperation({
  method: "GET",
  path: "/openapi.json",
  tag: "API",
  summary: "This OpenAPI 3.1 document (public)",
  responses: { 200: z.record(z.string(), z.unknown()).meta({ description: "OpenAPI 3.1" }) },
});

export const metaOperations = [getOpenApiDocument];
