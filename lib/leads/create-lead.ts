// "Notify me": a visitor outside live coverage leaves their details. The lead is tied to the
// planned area containing their pin (if any), so sales sees demand per area before building.
import "server-only";
import { db } from "@/lib/db";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { getCoverageIndex } from "@/lib/coverage/coverage-index";
import { now } from "@/lib/time/clock";
import { leadInputSchema, type LeadInput } from "./lead-schema";

export async function createLead(opts: { input: LeadInput; ip: string }) {
  const v = leadInputSchema.parse(opts.input);
  await enforceRateLimit(`lead:ip:${opts.ip}`, 10, 60 * 60);
  let coverageAreaId: string | null = null;
  if (v.lat !== undefined && v.lng !== undefined) {
    const areas = (await getCoverageIndex()).containing(v.lat, v.lng);
    coverageAreaId = areas.find((a) => a.status === "PLANNED")?.id ?? null;
  }
  const lead = await db.lead.create({
    data: {
      name: v.name,
      email: v.email,
      phone: v.phone,
      address: v.address,
      lat: v.lat,
      lng: v.lng,
      coverageAreaId,
      note: `Agreed to be contacted about coverage on ${now().toISOString()}`,
    },
    select: { id: true },
  });
  return { id: lead.id, planned: coverageAreaId !== null };
}
