// Customer accounts: search, create, balance.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { rolesWith } from "@/lib/auth/roles";
import { CustomerStatus, CustomerType } from "@/lib/generated/prisma/enums";
import { createCustomerSchema, customerSearchSchema } from "@/lib/customers/customer-schemas";
import { serviceRequestBodySchema } from "@/lib/orders/service-requests/service-request-schema";
import { dateTime, idParams, minor } from "./common";

const CustomerSummary = z
  .object({
    id: z.string(),
    accountNumber: z.string(),
    type: z.enum(CustomerType),
    status: z.enum(CustomerStatus),
    firstName: z.string(),
    lastName: z.string(),
    companyName: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
    createdAt: dateTime(),
    billingAddress: z
      .object({ line1: z.string(), suburb: z.string().nullable(), city: z.string() })
      .nullable(),
    activeServices: z.int(),
  })
  .meta({ id: "CustomerSummary" });

export const searchCustomers = defineOperation({
  method: "GET",
  path: "/customers",
  tag: "Customers",
  summary: "Search customers (customers:read)",
  description:
    "Each word must match the start of a word in a name or company, the start of the email, or appear in the account or phone number. Newest accounts first; pass `nextCursor` as `after` for the next page.",
  roles: rolesWith("customers:read"),
  query: customerSearchSchema,
  responses: {
    200: z.object({ customers: z.array(CustomerSummary), nextCursor: z.string().nullable() }),
  },
});

export const createCustomer = defineOperation({
  method: "POST",
  path: "/customers",
  tag: "Customers",
  summary: "Create a customer (customers:write)",
  description:
    "The account number (also the payment reference) comes from the customer number series; the currency is the ISP's.",
  roles: rolesWith("customers:write"),
  body: createCustomerSchema,
  responses: {
    201: z.object({
      id: z.string(),
      accountNumber: z.string(),
      paymentReference: z.string(),
      type: z.enum(CustomerType),
      status: z.enum(CustomerStatus),
      firstName: z.string(),
      lastName: z.string(),
      companyName: z.string().nullable(),
      email: z.string(),
      currency: z.string(),
    }),
  },
});

export const getCustomerBalance = defineOperation({
  method: "GET",
  path: "/customers/{id}/balance",
  tag: "Customers",
  summary: "A customer's balance from the ledger (customers:read_financial)",
  description:
    "Positive: the customer owes; negative: in credit. `overdue` is what is unpaid on invoices past their due date.",
  roles: rolesWith("customers:read_financial"),
  params: idParams("Customer"),
  responses: {
    200: z.object({
      customerId: z.string(),
      currency: z.string(),
      balance: minor(),
      overdue: minor(),
    }),
  },
});

export const createServiceRequest = defineOperation({
  method: "POST",
  path: "/customers/{id}/service-requests",
  tag: "Customers",
  summary: "Set up a service for an existing customer, to be signed (orders:write)",
  description:
    "Priced, checked against coverage and rendered into the agreement exactly as the storefront checkout. Nothing is ordered until the customer signs: `signing: EMAIL_LINK` emails them a link (valid 14 days); `IN_PERSON` waits for the signature on the staff screen (Admin → Orders → the request). Signing places the order on the account and activates it on `startDate` (within 14 days before and 31 after today). `payment.kind`: `DEBIT_ORDER` (the mandate is signed with the agreement), `CARD_LINK` (a link to save a card follows the signature; needs a portal login) or `EFT`. An address the server cannot place in coverage needs `feasibilityNote`.",
  roles: rolesWith("orders:write"),
  params: idParams("Customer"),
  body: serviceRequestBodySchema,
  responses: {
    201: z.object({ id: z.string(), status: z.literal("AWAITING_SIGNATURE") }),
  },
});

export const customerOperations = [
  searchCustomers,
  createCustomer,
  getCustomerBalance,
  createServiceRequest,
];
