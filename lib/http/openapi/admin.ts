// OpenAPI paths for customers search and the audit log.
import { errorResponses } from "./base";

const json = (schema: unknown) => ({ "application/json": { schema } });
const query = (name: string, description: string, schema: unknown = { type: "string" }) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});

export const adminSchemas = {
  CustomerSummary: {
    type: "object",
    properties: {
      id: { type: "string" },
      accountNumber: { type: "string" },
      type: { type: "string", enum: ["RESIDENTIAL", "BUSINESS"] },
      status: { type: "string", enum: ["PROSPECT", "ACTIVE", "SUSPENDED", "CLOSED"] },
      firstName: { type: "string" },
      lastName: { type: "string" },
      companyName: { type: ["string", "null"] },
      email: { type: "string" },
      phone: { type: ["string", "null"] },
      activeServices: { type: "integer" },
      createdAt: { type: "string", format: "date-time" },
    },
  },
  AuditEntry: {
    type: "object",
    properties: {
      id: { type: "string", description: "Increasing; use as the `before` cursor" },
      at: { type: "string", format: "date-time" },
      actorType: { type: "string", enum: ["USER", "API_KEY", "SYSTEM", "PUBLIC"] },
      actorId: { type: ["string", "null"] },
      actorLabel: { type: "string" },
      action: { type: "string", examples: ["customer.update"] },
      entityType: { type: ["string", "null"] },
      entityId: { type: ["string", "null"] },
      customerId: { type: ["string", "null"] },
      ip: { type: ["string", "null"] },
      data: {},
    },
  },
};

export const adminPaths = {
  "/customers": {
    get: {
      summary: "Search customers (customers:read)",
      description:
        "Each word must match the start of a word in a name or company, the start of the email, or appear in the account or phone number. Newest accounts first; pass `nextCursor` as `after` for the next page.",
      parameters: [
        query("q", "Search words"),
        query("after", "Cursor from the previous page"),
        query("limit", "1–100, default 25", { type: "integer" }),
      ],
      responses: {
        "200": {
          description: "OK",
          content: json({
            type: "object",
            properties: {
              customers: { type: "array", items: { $ref: "#/components/schemas/CustomerSummary" } },
              nextCursor: { type: ["string", "null"] },
            },
          }),
        },
        ...errorResponses,
      },
    },
  },
  "/audit-log": {
    get: {
      summary: "Read the audit log (audit:read)",
      description:
        "Newest first. Dates are YYYY-MM-DD in the ISP's time zone; pass `nextCursor` as `before` for older entries.",
      parameters: [
        query("action", "Action prefix, e.g. `customer.` or `auth.sign_in`"),
        query("customer", "Account number or customer id"),
        query("from", "First day", { type: "string", format: "date" }),
        query("to", "Last day", { type: "string", format: "date" }),
        query("before", "Cursor from the previous page"),
        query("limit", "1–200, default 50", { type: "integer" }),
      ],
      responses: {
        "200": {
          description: "OK",
          content: json({
            type: "object",
            properties: {
              entries: { type: "array", items: { $ref: "#/components/schemas/AuditEntry" } },
              nextCursor: { type: ["string", "null"] },
            },
          }),
        },
        ...errorResponses,
      },
    },
  },
};
