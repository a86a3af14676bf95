import { z } from "zod";

/**
 * A PPPoE password a customer chooses. Printable ASCII without spaces, because it is typed into
 * routers whose firmware handles little else, and CHAP/MS-CHAP need it byte for byte.
 */
export const servicePasswordSchema = z.object({
  subscriptionId: z.string().min(1).max(100),
  password: z
    .string()
    .min(8, "At least 8 characters")
    .max(64, "At most 64 characters")
    .regex(/^[\x21-\x7e]+$/, "Letters, digits and symbols only (no spaces or accents)"),
});
