// Staff notes on a customer. Pure: shared by the form and the use case.
import { z } from "zod";

export const customerNoteSchema = z.object({
  customerId: z.string().min(1).max(64),
  body: z.string().trim().min(1, "Write the note").max(5000, "At most 5,000 characters"),
  pinned: z
    .union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")])
    .optional()
    .transform((v) => v ?? false),
});
export type CustomerNoteInput = z.input<typeof customerNoteSchema>;

export const pinNoteSchema = z.object({
  noteId: z.string().min(1).max(64),
  pinned: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export type PinNoteInput = z.input<typeof pinNoteSchema>;
