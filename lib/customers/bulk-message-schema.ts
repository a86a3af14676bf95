// A message to every customer a search matches. Pure: shared by the form and the use case.
import { z } from "zod";

export const bulkMessageSchema = z.object({
  /** The customer list's search; empty means every customer. */
  q: z.string().trim().max(100).optional(),
  /** EMAIL today; SMS joins when the SMS adapter lands. */
  channel: z.enum(["EMAIL"]).default("EMAIL"),
  /**
   * MARKETING (offers, news) goes only to customers who consented to marketing; SERVICE (an
   * outage, a price change they must be told of) goes to everyone.
   */
  purpose: z.enum(["MARKETING", "SERVICE"]).default("MARKETING"),
  subject: z.string().trim().min(1, "Write a subject").max(200),
  body: z.string().trim().min(1, "Write the message").max(10_000),
});
export type BulkMessageInput = z.input<typeof bulkMessageSchema>;
