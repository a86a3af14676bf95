import { z } from "zod";

export const buyTopUpSchema = z.object({ subscriptionId: z.string().min(1).max(100) });
