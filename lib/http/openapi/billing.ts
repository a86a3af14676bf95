// OpenAPI paths for billing: subscriptions, billing runs, invoices, credit notes and balances.
// Money is integer minor units; billing dates are YYYY-MM-DD; period ends are exclusive.
import { errorResponses } from "./base";

const json = (schema: unknown) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const date = { type: "string", format: "date", examples: ["2026-12-01"] };
const nullableDate = { type: ["string", "null"], format: "date" };
const minor = { type: "integer", description: "Minor units (cents)" };
const idParam = (what: string) => ({
  name: "id",
  in: "path",
  required: true,
  description: `${what} id`,
  schema: { type: "string" },
});
const query = (name: string, description: string, schema: unknown = { type: "string" }) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});
const ok = (schema: unknown, status = "200") => ({
  [status]: { description: "OK", content: json(schema) },
  ...errorResponses,
});
const body = (schema: unknown) => ({ required: true, content: json(schema) });

export const billingSchemas = {
  Subscription: {
    type: "object",
    properties: {
      id: { type: "string" },
      customerId: { type: "string" },
      productId: { type: "string" },
      parentId: { type: ["string", "null"] },
      status: { type: "string", enum: ["PENDING", "ACTIVE", "SUSPENDED", "CANCELLED"] },
      quantity: { type: "integer" },
      price: {
        ...minor,
        description: "Price per interval locked in at subscription time, minor units",
      },
      interval: { type: "string", enum: ["MONTH", "QUARTER", "YEAR"] },
      cycleMode: { type: "string", enum: ["ANNIVERSARY", "CALENDAR"] },
      anchorDay: { type: ["integer", "null"] },
      startDate: nullableDate,
      billedThrough: { ...nullableDate, description: "First day not yet billed" },
      nextBillDate: nullableDate,
      contractEndDate: nullableDate,
      cancelAt: nullableDate,
      cancelledAt: { type: ["string", "null"], format: "date-time" },
    },
  },
  InvoiceLine: {
    type: "object",
    properties: {
      id: { type: "string" },
      kind: {
        type: "string",
        enum: [
          "RECURRING",
          "SETUP",
          "ONE_OFF",
          "PRORATION_CREDIT",
          "PRORATION_CHARGE",
          "SUSPENSION_CREDIT",
          "CANCELLATION_CREDIT",
          "TERMINATION_FEE",
          "DISCOUNT",
          "USAGE",
        ],
      },
      description: { type: "string" },
      subscriptionId: { type: ["string", "null"] },
      periodStart: nullableDate,
      periodEnd: { ...nullableDate, description: "Exclusive" },
      periodLast: { ...nullableDate, description: "Last day of the period (inclusive)" },
      quantity: { type: "string" },
      unitAmount: minor,
      netAmount: minor,
      taxRate: { type: "string", description: "Percent" },
      taxAmount: minor,
      totalAmount: minor,
    },
  },
  Invoice: {
    type: "object",
    properties: {
      id: { type: "string" },
      number: {
        type: ["string", "null"],
        description: "Assigned at finalisation; gapless per series",
      },
      status: {
        type: "string",
        enum: ["DRAFT", "OPEN", "PARTIALLY_PAID", "PAID", "VOID", "UNCOLLECTIBLE"],
      },
      customerId: { type: "string" },
      currency: { type: "string" },
      issueDate: date,
      dueDate: date,
      subtotal: minor,
      taxTotal: minor,
      total: minor,
      amountPaid: minor,
      amountCredited: minor,
      amountDue: minor,
      billingRunId: { type: ["string", "null"] },
      finalizedAt: { type: ["string", "null"], format: "date-time" },
      lines: { type: "array", items: ref("InvoiceLine") },
      taxes: {
        type: "array",
        items: {
          type: "object",
          properties: { rate: { type: "string" }, netAmount: minor, taxAmount: minor },
        },
      },
    },
  },
  BillingRun: {
    type: "object",
    properties: {
      id: { type: "string" },
      asOf: date,
      status: { type: "string", enum: ["RUNNING", "COMPLETED", "FAILED"] },
      trigger: { type: "string" },
      dueCount: { type: "integer" },
      processedCount: { type: "integer" },
      invoicesCreated: { type: "integer" },
      invoicesTotal: minor,
      error: { type: ["string", "null"] },
      interrupted: { type: "boolean" },
      startedAt: { type: "string", format: "date-time" },
      finishedAt: { type: ["string", "null"], format: "date-time" },
    },
  },
};

export const billingPaths = {
  "/customers": {
    post: {
      summary: "Create a customer (customers:write)",
      description:
        "The account number (also the payment reference) comes from the customer number series; the currency is the ISP's.",
      requestBody: body({
        type: "object",
        required: ["firstName", "lastName", "email"],
        properties: {
          type: { type: "string", enum: ["RESIDENTIAL", "BUSINESS"] },
          firstName: { type: "string" },
          lastName: { type: "string" },
          companyName: { type: "string" },
          email: { type: "string", format: "email" },
          phone: { type: "string" },
          taxNumber: { type: "string" },
          billingAddress: {
            type: "object",
            properties: {
              line1: { type: "string" },
              line2: { type: "string" },
              suburb: { type: "string" },
              city: { type: "string" },
              postalCode: { type: "string" },
              region: { type: "string" },
            },
          },
        },
      }),
      responses: ok(
        {
          type: "object",
          properties: {
            id: { type: "string" },
            accountNumber: { type: "string" },
            paymentReference: { type: "string" },
            currency: { type: "string" },
          },
        },
        "201",
      ),
    },
  },
  "/subscriptions": {
    post: {
      summary: "Create a subscription (customers:write)",
      description:
        "Bills in advance from `startDate`. Anniversary cycles bill on the start day (or `anchorDay`), clamped to short months; calendar cycles bill on the 1st and prorate the first period.",
      requestBody: body({
        type: "object",
        required: ["customerId", "productId", "startDate"],
        properties: {
          customerId: { type: "string" },
          productId: { type: "string" },
          startDate: date,
          cycleMode: { type: "string", enum: ["ANNIVERSARY", "CALENDAR"] },
          anchorDay: { type: "integer", minimum: 1, maximum: 31 },
          quantity: { type: "integer" },
          parentId: { type: "string", description: "For add-ons: the plan's subscription" },
        },
      }),
      responses: ok(ref("Subscription"), "201"),
    },
  },
  "/subscriptions/{id}": {
    get: {
      summary: "Get a subscription",
      parameters: [idParam("Subscription")],
      responses: ok(ref("Subscription")),
    },
  },
  "/subscriptions/{id}/change-plan": {
    post: {
      summary: "Change plan (customers:write)",
      description:
        "An upgrade (same interval, price per month ≥ current) takes effect on `effectiveDate` (default today, within the current period) with one invoice that day crediting unused days and charging the new plan. A downgrade or interval change takes effect at the end of the current period.",
      parameters: [idParam("Subscription")],
      requestBody: body({
        type: "object",
        required: ["productId"],
        properties: { productId: { type: "string" }, effectiveDate: date },
      }),
      responses: ok({
        type: "object",
        properties: {
          planChangeId: { type: "string" },
          kind: { type: "string", enum: ["upgrade", "downgrade"] },
          effectiveDate: date,
          invoiceIds: { type: "array", items: { type: "string" } },
        },
      }),
    },
  },
  "/subscriptions/{id}/cancel": {
    post: {
      summary: "Cancel a subscription (customers:write)",
      description:
        "`END_OF_PERIOD` (default) ends it when the billed period ends. `IMMEDIATE` or `ON_DATE` (if the ISP allows) credits unused days. Inside a contract term an early-termination fee is charged.",
      parameters: [idParam("Subscription")],
      requestBody: body({
        type: "object",
        properties: {
          mode: { type: "string", enum: ["END_OF_PERIOD", "IMMEDIATE", "ON_DATE"] },
          date,
        },
      }),
      responses: ok({
        type: "object",
        properties: { cancelAt: date, invoiceIds: { type: "array", items: { type: "string" } } },
      }),
    },
  },
  "/billing-runs": {
    get: {
      summary: "Recent billing runs (billing:read)",
      parameters: [query("limit", "1–200", { type: "integer" })],
      responses: ok({
        type: "object",
        properties: { runs: { type: "array", items: ref("BillingRun") } },
      }),
    },
    post: {
      summary: "Start a billing run (billing:run)",
      description:
        "Bills everything due on or before `asOf` (default today in the ISP's zone) that is not yet billed. Safe to repeat: a second run on the same date creates nothing. With `wait: true` the response is the finished run; otherwise 202 and poll GET /billing-runs/{id}.",
      requestBody: {
        required: false,
        content: json({ type: "object", properties: { asOf: date, wait: { type: "boolean" } } }),
      },
      responses: {
        "202": { description: "Accepted", content: json(ref("BillingRun")) },
        ...ok(ref("BillingRun")),
      },
    },
  },
  "/billing-runs/preview": {
    get: {
      summary: "What a run would bill (billing:read)",
      parameters: [query("asOf", "YYYY-MM-DD")],
      responses: ok({
        type: "object",
        properties: {
          asOf: date,
          customers: { type: "integer" },
          subscriptions: { type: "integer" },
          total: minor,
          byPlan: {
            type: "array",
            items: {
              type: "object",
              properties: {
                productId: { type: "string" },
                name: { type: "string" },
                subscriptions: { type: "integer" },
                total: minor,
              },
            },
          },
        },
      }),
    },
  },
  "/billing-runs/{id}": {
    get: {
      summary: "A billing run and its result (billing:read)",
      parameters: [idParam("Billing run")],
      responses: ok(ref("BillingRun")),
    },
  },
  "/invoices": {
    get: {
      summary: "List invoices (billing:read)",
      parameters: [
        query("status", "DRAFT, OPEN, PARTIALLY_PAID, PAID, VOID, UNCOLLECTIBLE"),
        query("customerId", "Customer id"),
        query("from", "Issued on or after (YYYY-MM-DD)"),
        query("to", "Issued on or before"),
        query("overdue", "true: open and past due"),
        query("after", "Cursor from the previous page"),
        query("limit", "1–200", { type: "integer" }),
      ],
      responses: ok({
        type: "object",
        properties: {
          invoices: { type: "array", items: ref("Invoice") },
          nextCursor: { type: ["string", "null"] },
        },
      }),
    },
  },
  "/invoices/{id}": {
    get: {
      summary: "An invoice with lines, periods, tax per rate, credit notes and payments",
      parameters: [idParam("Invoice")],
      responses: ok(ref("Invoice")),
    },
  },
  "/invoices/{id}/pdf": {
    get: {
      summary: "The invoice PDF",
      parameters: [idParam("Invoice")],
      responses: {
        "200": { description: "PDF", content: { "application/pdf": {} } },
        ...errorResponses,
      },
    },
  },
  "/invoices/{id}/credit-notes": {
    post: {
      summary: "Issue a credit note (billing:charge)",
      description:
        "Credits `amount` (tax included) against a finalised invoice; never more than the invoice total minus earlier credits (422 otherwise).",
      parameters: [idParam("Invoice")],
      requestBody: body({
        type: "object",
        required: ["amount", "reason"],
        properties: { amount: minor, reason: { type: "string" } },
      }),
      responses: ok(
        {
          type: "object",
          properties: {
            id: { type: "string" },
            number: { type: "string" },
            invoiceId: { type: "string" },
            netAmount: minor,
            taxAmount: minor,
            total: minor,
            currency: { type: "string" },
          },
        },
        "201",
      ),
    },
  },
  "/invoices/{id}/void": {
    post: {
      summary: "Void an unpaid invoice (billing:charge)",
      parameters: [idParam("Invoice")],
      requestBody: body({
        type: "object",
        required: ["reason"],
        properties: { reason: { type: "string" } },
      }),
      responses: ok(ref("Invoice")),
    },
  },
  "/customers/{id}/balance": {
    get: {
      summary: "A customer's balance from the ledger (customers:read_financial)",
      description:
        "Positive: the customer owes; negative: in credit. `overdue` is what is unpaid on invoices past their due date.",
      parameters: [idParam("Customer")],
      responses: ok({
        type: "object",
        properties: {
          customerId: { type: "string" },
          currency: { type: "string" },
          balance: minor,
          overdue: minor,
        },
      }),
    },
  },
};
