// The orders pipeline. Bank details appear masked, and only to roles with financial access.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { rolesWith } from "@/lib/auth/roles";
import {
  BillingInterval,
  CustomerStatus,
  CustomerType,
  OrderFeasibility,
  OrderStatus,
  PaymentMethodKind,
  SubscriptionStatus,
} from "@/lib/generated/prisma/enums";
import { limit, text } from "@/lib/http/schemas";
import { date, dateTime, idParams, minor } from "./common";
import { Quote } from "./storefront";

const OrderQuote = Quote.extend({
  paymentKind: z.enum(PaymentMethodKind).optional().meta({ description: "Chosen at checkout" }),
}).meta({ id: "OrderQuote", description: "The basket as priced when the order was placed" });

const orderFields = {
  id: z.string(),
  number: z.string(),
  status: z.enum(OrderStatus),
  createdAt: dateTime(),
  scheduledFor: dateTime().nullable(),
  activatedAt: dateTime().nullable(),
  quote: OrderQuote,
  feasibility: z
    .enum(OrderFeasibility)
    .nullable()
    .meta({ description: "How the address was found serviceable; null for older orders" }),
  heldForUserId: z
    .string()
    .nullable()
    .meta({ description: "Waits for this existing login to confirm the order" }),
};

export const listOrders = defineOperation({
  method: "GET",
  path: "/orders",
  tag: "Orders",
  summary: "Orders, newest first (orders:read)",
  roles: rolesWith("orders:read"),
  query: z.object({
    status: z.enum(OrderStatus).optional(),
    q: text().trim().max(100).optional().meta({ description: "Order number, surname or email" }),
    limit: limit(500, 100),
  }),
  responses: {
    200: z.object({
      data: z.array(
        z.object({
          ...orderFields,
          customer: z.object({
            id: z.string(),
            firstName: z.string(),
            lastName: z.string(),
            companyName: z.string().nullable(),
            accountNumber: z.string(),
          }),
          serviceAddress: z.object({ line1: z.string(), suburb: z.string().nullable() }).nullable(),
          assignedTo: z.object({ name: z.string() }).nullable(),
        }),
      ),
      counts: z
        .record(z.string(), z.int())
        .meta({ description: "Orders per status (all orders, not only this page)" }),
    }),
  },
});

const mandate = z.object({
  id: z.string(),
  accountHolder: z.string(),
  accountLast4: z.string(),
  bankCode: z.string().nullable(),
  mandateReference: z.string(),
  signedAt: dateTime(),
});

export const getOrder = defineOperation({
  method: "GET",
  path: "/orders/{id}",
  tag: "Orders",
  summary: "One order with its services, agreement, notes and payment method (orders:read)",
  description:
    "Bank details are masked, and hidden (null) from roles without customers:read_financial.",
  roles: rolesWith("orders:read"),
  params: idParams("Order"),
  responses: {
    200: z
      .object({
        ...orderFields,
        customerId: z.string(),
        serviceAddressId: z.string().nullable(),
        installPreference: z.string().nullable(),
        assignedToId: z.string().nullable(),
        cancelledAt: dateTime().nullable(),
        updatedAt: dateTime(),
        feasibilityNote: z.string().nullable(),
        serviceableAddressId: z.string().nullable(),
        feasibilityConfirmedAt: dateTime().nullable(),
        feasibilityConfirmedById: z.string().nullable(),
        feasibilityConfirmedBy: z.object({ name: z.string() }).nullable(),
        customer: z.object({
          id: z.string(),
          accountNumber: z.string(),
          type: z.enum(CustomerType),
          status: z.enum(CustomerStatus),
          firstName: z.string(),
          lastName: z.string(),
          companyName: z.string().nullable(),
          email: z.string(),
          phone: z.string().nullable(),
          paymentMethods: z.array(
            z.object({
              id: z.string(),
              kind: z.enum(PaymentMethodKind),
              isDefault: z.boolean(),
              cardBrand: z.string().nullable(),
              cardLast4: z.string().nullable(),
              mandate: mandate.nullable(),
            }),
          ),
        }),
        serviceAddress: z
          .object({
            id: z.string(),
            line1: z.string(),
            line2: z.string().nullable(),
            suburb: z.string().nullable(),
            city: z.string(),
            postalCode: z.string().nullable(),
            region: z.string().nullable(),
            country: z.string(),
            lat: z.number().nullable(),
            lng: z.number().nullable(),
          })
          .nullable(),
        assignedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
        subscriptions: z.array(
          z.object({
            id: z.string(),
            status: z.enum(SubscriptionStatus),
            price: minor(),
            interval: z.enum(BillingInterval),
            startDate: date().nullable(),
            nextBillDate: date().nullable(),
            parentId: z.string().nullable(),
            product: z.object({ name: z.string(), code: z.string() }),
          }),
        ),
        contracts: z.array(
          z.object({
            id: z.string(),
            signerName: z.string(),
            signedAt: dateTime(),
            signerIp: z.string().nullable(),
            documentHash: z.string(),
            typedSignature: z.string().nullable(),
            template: z.object({ version: z.int() }),
          }),
        ),
        notes: z.array(
          z.object({
            id: z.string(),
            body: z.string(),
            createdAt: dateTime(),
            author: z.object({ name: z.string() }).nullable(),
          }),
        ),
      })
      .meta({ id: "Order" }),
  },
});

export const orderOperations = [listOrders, getOrder];
