import { z } from "zod";
import { checkbox } from "@/lib/http/form-fields";

export const leadInputSchema = z.object({
  name: z.string().trim().min(2, "Enter your name").max(120),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(200),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+\d\s()-]*$/, "Digits, spaces and + only")
    .nullish()
    .transform((v) => v || null),
  address: z.string().trim().min(3, "Enter your address").max(200),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  // POPIA/GDPR: we only keep the details if the visitor agreed to be contacted about coverage.
  consent: checkbox().refine((v) => v, "Tick the box so we may contact you about coverage"),
});
export type LeadInput = z.input<typeof leadInputSchema>;
