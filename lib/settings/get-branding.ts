import "server-only";
import { db } from "@/lib/db";

/** Public branding for page chrome; works before setup (falls back to "Lastmile"). */
export async function getBranding() {
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
}
