// What the API and the back office send about customers (no database here: the API document is
// generated from these schemas).
import { z } from "zod";
import { limit, text } from "@/lib/http/schemas";

const address = z.object({
  line1: text().trim().min(1).max(120),
  line2: text().trim().max(120).optional(),
  suburb: text().trim().max(80).optional(),
  city: text().trim().min(1).max(80),
  postalCode: text().trim().max(20).optional(),
  region: text().trim().max(80).optional(),
});

export const createCustomerSchema = z.object({
  type: z.enum(["RESIDENTIAL", "BUSINESS"]).default("RESIDENTIAL"),
  firstName: text().trim().min(1).max(80),
  lastName: text().trim().min(1).max(80),
  companyName: text().trim().max(120).optional(),
  email: text().trim().toLowerCase().email(),
  phone: text().trim().max(40).optional(),
  taxNumber: text().trim().max(40).optional(),
  idNumber: text().trim().max(40).optional(),
  billingAddress: address.optional(),
});
export type CreateCustomerInput = z.input<typeof createCustomerSchema>;

export const customerSearchSchema = z.object({
  q: text().trim().max(100).optional(),
  /** Keyset cursor: the last account number of the previous page. */
  after: text().trim().max(40).optional(),
  limit: limit(100, 25),
});
export type CustomerSearch = z.input<typeof customerSearchSchema>;

/** Staff registering a walk-in or phone customer: duplicates must be acknowledged. */
export const registerCustomerSchema = createCustomerSchema.extend({
  acknowledgeDuplicates: z
    .union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")])
    .optional()
    .transform((v) => v ?? false),
});
export type RegisterCustomerInput = z.input<typeof registerCustomerSchema>;
