// The OpenAPI document served at /api/v1/openapi.json. Each domain adds its paths in its own
// file under lib/http/openapi/ and lists it here, so the document grows without merge fights.
import { basePaths, baseSchemas } from "./openapi/base";
import { adminPaths, adminSchemas } from "./openapi/admin";
import { billingPaths, billingSchemas } from "./openapi/billing";
import { storefrontPaths, storefrontSchemas } from "./openapi/storefront";

type PathItem = Record<string, unknown>;
const FRAGMENTS: { paths: Record<string, PathItem>; schemas?: Record<string, unknown> }[] = [
  { paths: basePaths, schemas: baseSchemas },
  { paths: adminPaths, schemas: adminSchemas },
  { paths: billingPaths, schemas: billingSchemas },
  { paths: storefrontPaths, schemas: storefrontSchemas },
];

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Lastmile API",
      version: "1",
      description:
        'REST API of Lastmile. Authenticate with `Authorization: Bearer <API key>` (create keys in Admin → API keys or with `npm run apikey:create`). Money is integer minor units (cents) with the ISO currency beside it; dates are `YYYY-MM-DD` in the ISP\'s time zone. Errors are `{ "error": { "code", "message" } }`.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    // Fragments may add operations to the same path (GET /customers in admin, POST in billing).
    paths: FRAGMENTS.reduce<Record<string, PathItem>>((all, f) => {
      for (const [path, item] of Object.entries(f.paths)) all[path] = { ...all[path], ...item };
      return all;
    }, {}),
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: Object.assign({}, ...FRAGMENTS.map((f) => f.schemas ?? {})),
    },
  };
}
