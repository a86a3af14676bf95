// The walled-garden sign-in: account number and PIN (lib/dunning/account-pin.ts).
import { z } from "zod";

export const walledGardenLookupSchema = z.object({
  accountNumber: z.string().trim().min(1, "Enter your account number").max(40),
  pin: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Your PIN has six digits"),
});
