import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/**
 * Public branding for page chrome; works before setup (falls back to "Lastmile"). Read once per
 * render: the layout, the metadata and the page each ask.
 */
export const getBranding = cache(async () => {
  const s = await db.ispSettings.findUnique({
    where: { id: 1 },
    select: {
      name: true,
      logoUrl: true,
      brandColor: true,
      phone: true,
      email: true,
      currency: true,
      locale: true,
      timeZone: true,
      pricesIncludeTax: true,
    },
  });
  return (
    s ?? {
      name: "Lastmile",
      logoUrl: null,
      brandColor: "#0f766e",
      phone: null,
      email: null,
      currency: "USD",
      locale: "en",
      timeZone: "UTC",
      pricesIncludeTax: true,
    }
  );
});
