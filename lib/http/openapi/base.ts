export const baseSchemas = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: {
            type: "string",
            enum: [
              "UNAUTHENTICATED",
              "FORBIDDEN",
              "NOT_FOUND",
              "VALIDATION",
              "CONFLICT",
              "RATE_LIMITED",
              "UNPROCESSABLE",
              "INTERNAL",
            ],
          },
          message: { type: "string" },
          fields: { type: "object", additionalProperties: { type: "string" } },
        },
      },
    },
  },
};

/** Standard error responses to spread into an operation's `responses`. */
export const errorResponses = {
  "400": {
    description: "Invalid input",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "401": {
    description: "Missing or invalid API key",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "403": {
    description: "The key's role may not do this",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
};

export const basePaths = {
  "/me": {
    get: {
      summary: "The API key's identity and role",
      responses: {
        "200": {
          description: "OK",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { name: { type: "string" }, role: { type: "string" } },
              },
            },
          },
        },
        ...errorResponses,
      },
    },
  },
};
