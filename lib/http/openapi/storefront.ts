// OpenAPI paths for the storefront domain: catalogue, coverage, feasibility and orders.
// Money is integer minor units; coordinates are WGS84; GeoJSON positions are [lng, lat].
import { errorResponses } from "./base";

const json = (schema: unknown) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const minor = {
  type: "integer",
  description:
    "Minor units (cents), as displayed (tax-inclusive or exclusive per the ISP's settings)",
};
const ok = (schema: unknown, status = "200") => ({
  [status]: { description: "OK", content: json(schema) },
  ...errorResponses,
});
const list = (item: string) => ({
  type: "object",
  properties: { data: { type: "array", items: ref(item) } },
});
const query = (
  name: string,
  description: string,
  schema: unknown = { type: "string" },
  required = false,
) => ({ name, in: "query", required, description, schema });
const technology = { type: "string", enum: ["FIBRE", "WIRELESS", "LTE"] };
const interval = { type: "string", enum: ["MONTH", "QUARTER", "YEAR"] };

export const storefrontSchemas = {
  Product: {
    type: "object",
    properties: {
      id: { type: "string" },
      code: { type: "string" },
      name: { type: "string" },
      description: { type: ["string", "null"] },
      kind: { type: "string", enum: ["PLAN", "ADDON"] },
      technology: { ...technology, type: ["string", "null"] },
      downloadMbps: { type: ["integer", "null"] },
      uploadMbps: { type: ["integer", "null"] },
      dataCapGb: { type: ["integer", "null"], description: "Null means uncapped" },
      fairUseNote: { type: ["string", "null"] },
      price: minor,
      interval,
      addonCharge: { type: "string", enum: ["RECURRING", "ONCE_OFF"] },
      setupFee: minor,
      contractMonths: { type: "integer" },
      earlyTerminationPercent: { type: "integer" },
      status: { type: "string", enum: ["ACTIVE", "RETIRED"] },
    },
  },
  ProductInput: {
    type: "object",
    required: ["code", "name", "kind", "price", "taxClassId"],
    properties: {
      code: { type: "string", pattern: "^[A-Z0-9][A-Z0-9_-]{1,39}$" },
      name: { type: "string" },
      description: { type: "string" },
      kind: { type: "string", enum: ["PLAN", "ADDON"] },
      technology,
      downloadMbps: { type: "integer" },
      uploadMbps: { type: "integer" },
      dataCapGb: { type: "integer" },
      fairUseNote: { type: "string" },
      price: {
        ...minor,
        description: 'Integer minor units (a decimal string like "499.00" is read as major units)',
      },
      interval,
      addonCharge: { type: "string", enum: ["RECURRING", "ONCE_OFF"] },
      setupFee: minor,
      contractMonths: { type: "integer" },
      earlyTerminationPercent: { type: "integer", minimum: 0, maximum: 100 },
      taxClassId: { type: "string" },
      sortOrder: { type: "integer" },
      coverageAreaIds: { type: "array", items: { type: "string" } },
    },
  },
  Geometry: {
    type: "object",
    description: "GeoJSON Polygon or MultiPolygon (RFC 7946), positions [lng, lat]",
    required: ["type", "coordinates"],
    properties: {
      type: { type: "string", enum: ["Polygon", "MultiPolygon"] },
      coordinates: { type: "array" },
    },
  },
  CoverageArea: {
    type: "object",
    properties: {
      id: { type: "string" },
      name: { type: "string" },
      technology,
      status: { type: "string", enum: ["LIVE", "PLANNED"] },
      geometry: ref("Geometry"),
      bbox: {
        type: "array",
        items: { type: "number" },
        description: "[minLng, minLat, maxLng, maxLat]",
      },
      productCount: { type: "integer" },
      leadCount: { type: "integer" },
    },
  },
  CoverageAreaInput: {
    type: "object",
    required: ["name", "technology", "geometry"],
    properties: {
      name: { type: "string" },
      technology,
      status: { type: "string", enum: ["LIVE", "PLANNED"], default: "LIVE" },
      geometry: ref("Geometry"),
      productIds: {
        type: "array",
        items: { type: "string" },
        description: "Default: active plans of the technology and all add-ons",
      },
    },
  },
  Feasibility: {
    type: "object",
    properties: {
      lat: { type: "number" },
      lng: { type: "number" },
      status: {
        type: "string",
        enum: ["AVAILABLE", "PLANNED", "UNAVAILABLE"],
        description: "PLANNED: inside an area being built; invite a lead",
      },
      areas: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            technology,
            status: { type: "string" },
          },
        },
      },
      technologies: {
        type: "array",
        items: {
          type: "object",
          properties: { technology, plans: { type: "array", items: ref("Product") } },
        },
      },
      addons: { type: "array", items: ref("Product") },
      currency: { type: "string" },
      locale: { type: "string" },
      pricesIncludeTax: { type: "boolean" },
    },
  },
  Order: {
    type: "object",
    properties: {
      id: { type: "string" },
      number: { type: "string" },
      status: { type: "string", enum: ["NEW", "SCHEDULED", "ACTIVATED", "CANCELLED"] },
      createdAt: { type: "string", format: "date-time" },
      scheduledFor: { type: ["string", "null"], format: "date-time" },
      activatedAt: { type: ["string", "null"], format: "date-time" },
      quote: {
        type: "object",
        description:
          "Server-computed price breakdown at order time: lines (kind RECURRING/SETUP/ONCE_OFF, net/tax/total in minor units) and totals",
      },
      customer: { type: "object" },
      serviceAddress: { type: ["object", "null"] },
    },
  },
};

export const storefrontPaths = {
  "/feasibility": {
    get: {
      summary: "Plans available at a point (public, no API key; rate-limited per IP)",
      security: [],
      parameters: [
        query("lat", "Latitude (WGS84)", { type: "number" }, true),
        query("lng", "Longitude (WGS84)", { type: "number" }, true),
      ],
      responses: { ...ok(ref("Feasibility")), "429": { description: "Too many requests" } },
    },
  },
  "/plans": {
    get: {
      summary: "Plans and add-ons (role with catalog:write)",
      parameters: [query("kind", "PLAN or ADDON"), query("status", "ACTIVE or RETIRED")],
      responses: ok(list("Product")),
    },
    post: {
      summary: "Create a plan or add-on",
      requestBody: { required: true, content: json(ref("ProductInput")) },
      responses: ok(
        { type: "object", properties: { id: { type: "string" }, code: { type: "string" } } },
        "201",
      ),
    },
  },
  "/coverage-areas": {
    get: {
      summary: "Coverage areas with GeoJSON geometry (role with coverage:write)",
      responses: ok(list("CoverageArea")),
    },
    post: {
      summary: "Create a coverage area from GeoJSON",
      requestBody: { required: true, content: json(ref("CoverageAreaInput")) },
      responses: ok(
        { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
        "201",
      ),
    },
  },
  "/orders": {
    get: {
      summary: "Orders, newest first (role with orders:read)",
      parameters: [
        query("status", "NEW, SCHEDULED, ACTIVATED or CANCELLED"),
        query("q", "Order number, surname or email"),
        query("limit", "1–500, default 100", { type: "integer" }),
      ],
      responses: ok({
        type: "object",
        properties: {
          data: { type: "array", items: ref("Order") },
          counts: { type: "object", additionalProperties: { type: "integer" } },
        },
      }),
    },
  },
  "/orders/{id}": {
    get: {
      summary:
        "One order with its services, agreement and payment method (bank details masked; hidden from roles without financial access)",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: { ...ok(ref("Order")), "404": { description: "Not found" } },
    },
  },
};
