// What a subscriber may edit on their own profile (no database here: the form imports it). Name,
// ID number and account type are identity checked at sign-up, so staff change those.
import { z } from "zod";
import { checkbox } from "@/lib/http/form-fields";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const myContactSchema = z.object({
  phone: optional(40),
  marketingOptIn: checkbox(),
  address: z.object({
    line1: z.string().trim().min(1, "Enter the street address").max(120),
    line2: optional(120),
    suburb: optional(80),
    city: z.string().trim().min(1, "Enter the town or city").max(80),
    postalCode: optional(20),
  }),
});
export type MyContactInput = z.input<typeof myContactSchema>;

export const emailChangeSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).email("Enter a valid email address"),
});

export const deletionRequestSchema = z.object({
  reason: z.string().trim().max(1000).optional(),
});
