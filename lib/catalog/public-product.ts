// What the public may see of a product: enough to choose and price it, nothing internal.
import type { Prisma } from "@/lib/generated/prisma/client";

export const PUBLIC_PRODUCT_SELECT = {
  id: true,
  code: true,
  name: true,
  description: true,
  kind: true,
  technology: true,
  downloadMbps: true,
  uploadMbps: true,
  dataCapGb: true,
  fairUseNote: true,
  price: true,
  interval: true,
  setupFee: true,
  contractMonths: true,
  earlyTerminationPercent: true,
  addonCharge: true,
} satisfies Prisma.ProductSelect;

export type PublicProduct = Prisma.ProductGetPayload<{ select: typeof PUBLIC_PRODUCT_SELECT }>;
