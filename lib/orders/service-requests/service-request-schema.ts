// What staff enter to set up a service by hand for an existing customer: the storefront's basket,
// service address (with the coverage check's position) and payment method, plus a start date and
// how the customer signs. Shared by the admin form, the server action and the API.
import { z } from "zod";
import { isoDate } from "@/lib/http/form-fields";
import { addressSchema, basketSchema, INSTALL_SLOTS, signatureSchema } from "../checkout-schema";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

export const SIGNING_METHODS = ["IN_PERSON", "EMAIL_LINK"] as const;

export const staffPaymentSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("DEBIT_ORDER"),
    accountHolder: z.string().trim().min(1, "Enter the account holder's name").max(120),
    accountNumber: z.string().trim().min(1, "Enter the account number or IBAN").max(40),
    branchCode: optionalText(20),
    bankName: optionalText(80),
  }),
  /** The customer gets a link to save a card once signed; invoices are payable by EFT until then. */
  z.object({ kind: z.literal("CARD_LINK") }),
  z.object({ kind: z.literal("EFT") }),
]);

export const createServiceRequestSchema = z.object({
  customerId: z.string().trim().min(1).max(40),
  basket: basketSchema,
  serviceAddress: addressSchema.extend({
    lat: z.number({ error: "Enter the latitude" }).min(-90).max(90),
    lng: z.number({ error: "Enter the longitude" }).min(-180).max(180),
    serviceableAddressId: z.string().max(40).nullish(),
  }),
  installSlot: z
    .enum(Object.keys(INSTALL_SLOTS) as [keyof typeof INSTALL_SLOTS])
    .default("WEEKDAY_MORNING"),
  installNotes: optionalText(500),
  startDate: isoDate("Choose the start date"),
  payment: staffPaymentSchema,
  signing: z.enum(SIGNING_METHODS),
  /**
   * When the server cannot place the address in coverage (not on the serviceable-address list
   * and no geocoder), staff say how they know it can be served; required only then.
   */
  feasibilityNote: optionalText(1000),
});

/** The API's body: the customer is the path's. */
export const serviceRequestBodySchema = createServiceRequestSchema.omit({ customerId: true });

export const signServiceRequestSchema = z.object({ signature: signatureSchema });

export type CreateServiceRequestInput = z.input<typeof createServiceRequestSchema>;
export type CreateServiceRequest = z.output<typeof createServiceRequestSchema>;
export type StaffPayment = z.output<typeof staffPaymentSchema>;
