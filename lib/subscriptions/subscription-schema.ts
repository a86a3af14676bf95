// What the API sends to start a subscription (no database here: the API document is generated
// from it). Bounds that depend on the product and today are checked by createSubscription.
import { z } from "zod";
import { id, isoDate, quantity } from "@/lib/http/schemas";

export const createSubscriptionSchema = z.object({
  customerId: id(),
  productId: id(),
  startDate: isoDate(),
  cycleMode: z.enum(["ANNIVERSARY", "CALENDAR"]).optional(),
  anchorDay: z.int().min(1).max(31).optional(),
  quantity: quantity().default(1),
  parentId: id().optional().meta({ description: "For add-ons: the plan's subscription" }),
  serviceAddressId: id().optional(),
});
export type CreateSubscriptionInput = z.input<typeof createSubscriptionSchema>;
