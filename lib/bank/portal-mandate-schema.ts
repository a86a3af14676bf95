// What a customer types to set up or change their debit order in the portal, and the signature
// they give it. Pure: the portal form and the server validate alike.
import { z } from "zod";
import { signatureSchema } from "@/lib/orders/checkout-schema";
import { checkbox } from "@/lib/http/form-fields";

export const portalMandateDraftSchema = z.object({
  accountHolder: z.string().trim().min(2, "Type the account holder's name").max(120),
  accountNumber: z.string().trim().min(1, "Enter the account number or IBAN").max(40),
  branchCode: z.string().trim().max(11).optional(),
  /** Local schemes (South Africa); IBAN accounts leave it empty. */
  accountType: z.enum(["CURRENT", "SAVINGS", "TRANSMISSION"]).optional(),
  /** A new debit order only: make it what auto-pay and collections use. */
  makeDefault: checkbox(),
});

export const portalMandateSignSchema = portalMandateDraftSchema.extend({
  signature: signatureSchema,
});

export type PortalMandateDraft = z.input<typeof portalMandateDraftSchema>;
export type PortalMandateSign = z.input<typeof portalMandateSignSchema>;
