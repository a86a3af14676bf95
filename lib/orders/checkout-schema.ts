// The checkout, step by step, as zod schemas the browser and the server share. The server
// re-validates everything and trusts no price: the basket is only product codes.
import { z } from "zod";

const text = (max: number, message = "Required") =>
  z.string({ error: message }).trim().min(1, message).max(max);
// Accepts its own output (null), so the server action and the use case may both parse.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

export const basketSchema = z.object({
  planCode: text(40, "Choose a plan"),
  addonCodes: z
    .array(z.string().trim().max(40))
    .max(10)
    .default([])
    .transform((codes) => [...new Set(codes)]),
});

export const addressSchema = z.object({
  line1: text(160, "Enter the street address"),
  line2: optionalText(160),
  suburb: optionalText(80),
  city: text(80, "Enter the town or city"),
  postalCode: optionalText(16),
});

export const INSTALL_SLOTS = {
  WEEKDAY_MORNING: "Weekday morning (08:00–12:00)",
  WEEKDAY_AFTERNOON: "Weekday afternoon (12:00–17:00)",
  SATURDAY: "Saturday morning",
} as const;

export const detailsSchema = z
  .object({
    customerType: z.enum(["RESIDENTIAL", "BUSINESS"]),
    firstName: text(60, "Enter your first name"),
    lastName: text(60, "Enter your last name"),
    companyName: optionalText(120),
    idNumber: optionalText(40),
    taxNumber: optionalText(40),
    email: z
      .string({ error: "Enter your email address" })
      .trim()
      .toLowerCase()
      .email("Enter a valid email address")
      .max(200),
    phone: z
      .string({ error: "Enter a phone number" })
      .trim()
      .min(7, "Enter a phone number")
      .max(30)
      .regex(/^[+\d\s()-]+$/, "Digits, spaces and + only"),
    /** For the new online account; a signed-in customer orders without one (placeOrder). */
    password: z.string().min(10, "Use at least 10 characters").max(200).optional(),
    serviceAddress: addressSchema.extend({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      /** The serviceable-address list entry picked in the coverage check, if any. */
      serviceableAddressId: z.string().max(40).nullish(),
    }),
    billingSameAsService: z.boolean(),
    billingAddress: addressSchema.optional(),
    installSlot: z.enum(Object.keys(INSTALL_SLOTS) as [keyof typeof INSTALL_SLOTS]),
    installNotes: optionalText(500),
    acceptTerms: z
      .boolean({ error: "Accept the terms to continue" })
      .refine((v) => v, "Accept the terms to continue"),
    acceptPrivacy: z
      .boolean({ error: "Accept the privacy notice to continue" })
      .refine((v) => v, "Accept the privacy notice to continue"),
    marketingOptIn: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    if (d.customerType === "BUSINESS" && !d.companyName)
      ctx.addIssue({ code: "custom", path: ["companyName"], message: "Enter the company name" });
    if (!d.billingSameAsService && !d.billingAddress)
      ctx.addIssue({
        code: "custom",
        path: ["billingAddress", "line1"],
        message: "Enter the billing address",
      });
  });

export const paymentSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("DEBIT_ORDER"),
    accountHolder: text(120, "Enter the account holder's name"),
    accountNumber: text(40, "Enter the account number or IBAN"),
    branchCode: optionalText(20),
    bankName: optionalText(80),
  }),
  z.object({ kind: z.literal("EFT") }),
  z.object({
    kind: z.literal("CARD"),
    setupIntentId: z.string().regex(/^seti_[A-Za-z0-9_]+$/, "Add your card first"),
  }),
]);

export const signatureSchema = z
  .object({
    signerName: text(120, "Type your full name"),
    method: z.enum(["DRAWN", "TYPED"]),
    // A PNG data URL from the signature pad; ~200 KB is far more than a signature needs.
    image: z
      .string()
      .max(200_000)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, "Draw your signature")
      .optional(),
    typed: z.string().trim().max(120).optional(),
    /** SHA-256 of the contract content the signer was shown (from previewContract). */
    contentHash: z.string().regex(/^[a-f0-9]{64}$/),
    acceptContract: z
      .boolean()
      .refine((v) => v, "Confirm that you have read and accept the agreement"),
  })
  .superRefine((s, ctx) => {
    if (s.method === "DRAWN" && !s.image)
      ctx.addIssue({ code: "custom", path: ["image"], message: "Draw your signature" });
    if (s.method === "TYPED" && !s.typed)
      ctx.addIssue({ code: "custom", path: ["typed"], message: "Type your signature" });
  });

/** What the contract preview needs: everything except the signature. */
export const contractDraftSchema = z.object({
  basket: basketSchema,
  details: detailsSchema,
  payment: paymentSchema,
  /** Generated once per checkout in the browser; a repeat submit returns the same order. */
  idempotencyKey: z.string().uuid(),
});

export const checkoutSchema = contractDraftSchema.extend({ signature: signatureSchema });

export type Basket = z.input<typeof basketSchema>;
export type CheckoutDetails = z.output<typeof detailsSchema>;
export type ContractDraft = z.input<typeof contractDraftSchema>;
export type CheckoutInput = z.input<typeof checkoutSchema>;
export type Checkout = z.output<typeof checkoutSchema>;
