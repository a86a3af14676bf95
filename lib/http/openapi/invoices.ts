// Invoices: list, read, PDF, credit notes, voids, finalising held drafts. Money is integer minor
// units; period ends are exclusive.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { rolesWith } from "@/lib/auth/roles";
import { InvoiceStatus, LineKind, PaymentMethodKind } from "@/lib/generated/prisma/enums";
import { minorUnits, text } from "@/lib/http/schemas";
import { invoiceFilterSchema } from "@/lib/invoices/invoice-filter-schema";
import { date, dateTime, idParams, minor } from "./common";

export const InvoiceLine = z
  .object({
    id: z.string(),
    kind: z.enum(LineKind),
    description: z.string(),
    subscriptionId: z.string().nullable(),
    periodStart: date().nullable(),
    periodEnd: date().nullable().meta({ description: "Exclusive" }),
    periodLast: date().nullable().meta({ description: "Last day of the period (inclusive)" }),
    quantity: z.string().meta({ description: "Decimal" }),
    unitAmount: minor(),
    netAmount: minor(),
    taxRate: z.string().meta({ description: "Percent" }),
    taxAmount: minor(),
    totalAmount: minor(),
  })
  .meta({ id: "InvoiceLine" });

const invoiceFields = {
  id: z.string(),
  number: z
    .string()
    .nullable()
    .meta({ description: "Assigned at finalisation; gapless per series" }),
  status: z.enum(InvoiceStatus),
  customerId: z.string(),
  currency: z.string(),
  issueDate: date(),
  dueDate: date(),
  subtotal: minor(),
  taxTotal: minor(),
  total: minor(),
  amountPaid: minor(),
  amountCredited: minor(),
  amountDue: minor(),
  billingRunId: z.string().nullable(),
  finalizedAt: dateTime().nullable(),
  finalizeAfter: dateTime()
    .nullable()
    .meta({ description: "A held draft is finalised after this instant" }),
};
export const Invoice = z.object(invoiceFields).meta({ id: "Invoice" });

const customerName = {
  accountNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  companyName: z.string().nullable(),
};

export const listInvoices = defineOperation({
  method: "GET",
  path: "/invoices",
  tag: "Invoices",
  summary: "List invoices, newest first (billing:read)",
  description: "Filters combine; pass `nextCursor` as `after` for the next page.",
  roles: rolesWith("billing:read"),
  query: invoiceFilterSchema,
  responses: {
    200: z.object({
      invoices: z.array(
        z
          .object({ ...invoiceFields, customer: z.object(customerName) })
          .meta({ id: "InvoiceListItem" }),
      ),
      nextCursor: z.string().nullable(),
    }),
  },
});

export const getInvoice = defineOperation({
  method: "GET",
  path: "/invoices/{id}",
  tag: "Invoices",
  summary: "An invoice with its lines, tax per rate, credit notes and payments (billing:read)",
  roles: rolesWith("billing:read"),
  params: idParams("Invoice"),
  responses: {
    200: z
      .object({
        ...invoiceFields,
        lines: z.array(InvoiceLine),
        customer: z.object({
          id: z.string(),
          ...customerName,
          email: z.string(),
          phone: z.string().nullable().meta({ description: "Where an M-PESA prompt goes" }),
          paymentReference: z.string().meta({ description: "Quote it when paying by EFT" }),
        }),
        taxes: z.array(
          z.object({
            rate: z.string().meta({ description: "Percent" }),
            netAmount: minor(),
            taxAmount: minor(),
          }),
        ),
        creditNotes: z.array(
          z.object({
            id: z.string(),
            number: z.string(),
            total: minor(),
            taxAmount: minor(),
            reason: z.string(),
            issuedAt: dateTime(),
          }),
        ),
        payments: z.array(
          z.object({
            paymentId: z.string(),
            amount: minor(),
            method: z.enum(PaymentMethodKind),
            reference: z.string().nullable(),
            receivedAt: dateTime(),
          }),
        ),
        hasPdf: z.boolean(),
      })
      .meta({ id: "InvoiceDetail" }),
  },
});

export const getInvoicePdf = defineOperation({
  method: "GET",
  path: "/invoices/{id}/pdf",
  tag: "Invoices",
  summary: "The invoice PDF (billing:read)",
  roles: rolesWith("billing:read"),
  params: idParams("Invoice"),
  produces: "application/pdf",
  responses: { 200: z.string().meta({ format: "binary" }) },
});

export const issueCreditNote = defineOperation({
  method: "POST",
  path: "/invoices/{id}/credit-notes",
  tag: "Invoices",
  summary: "Issue a credit note (billing:charge)",
  description:
    "Credits `amount` (tax included) against a finalised invoice; never more than the invoice total minus earlier credits (422 otherwise).",
  roles: rolesWith("billing:charge"),
  params: idParams("Invoice"),
  body: z.object({
    amount: minorUnits({ min: 1 }),
    reason: text().trim().min(1).max(300),
  }),
  responses: {
    201: z.object({
      id: z.string(),
      number: z.string(),
      invoiceId: z.string(),
      netAmount: minor(),
      taxAmount: minor(),
      total: minor(),
      currency: z.string(),
    }),
  },
});

export const voidInvoice = defineOperation({
  method: "POST",
  path: "/invoices/{id}/void",
  tag: "Invoices",
  summary: "Void an open invoice with nothing paid or credited (billing:charge)",
  roles: rolesWith("billing:charge"),
  params: idParams("Invoice"),
  body: z.object({ reason: text().trim().min(1).max(300) }),
  responses: { 200: Invoice },
});

export const finalizeInvoiceOp = defineOperation({
  method: "POST",
  path: "/invoices/{id}/finalize",
  tag: "Invoices",
  summary: "Finalise a draft held for review (billing:charge)",
  description:
    "Takes the next number of the series, freezes the snapshot and posts the invoice to the customer's ledger; the PDF and email follow. Held drafts: GET /invoices?status=DRAFT. 409 when it is not a draft.",
  roles: rolesWith("billing:charge"),
  params: idParams("Invoice"),
  responses: { 200: Invoice },
});

export const getCreditNotePdfOp = defineOperation({
  method: "GET",
  path: "/credit-notes/{id}/pdf",
  tag: "Invoices",
  summary: "A credit note as the PDF the customer was sent (billing:read)",
  description:
    "Same look as the invoice, referencing it; shows the account balance right after the credit note. Stored once rendered.",
  roles: ["ADMIN", "ACCOUNTS", "SUPPORT"],
  params: z.object({ id: z.string().min(1).max(40) }),
  produces: "application/pdf",
  responses: { 200: z.string().meta({ format: "binary" }) },
});

export const invoiceOperations = [
  listInvoices,
  getInvoice,
  getInvoicePdf,
  issueCreditNote,
  voidInvoice,
  finalizeInvoiceOp,
  getCreditNotePdfOp,
];
