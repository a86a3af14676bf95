// One entry of the serviceable-address list, to prefill the checkout with the address picked in
// the coverage check. The list is public through address search already.
import { db } from "@/lib/db";

export type GetServiceableAddressOptions = { id: string };

export async function getServiceableAddress(opts: GetServiceableAddressOptions) {
  if (opts.id.length > 40) return null;
  return db.serviceableAddress.findUnique({
    where: { id: opts.id },
    select: {
      id: true,
      line1: true,
      suburb: true,
      city: true,
      postalCode: true,
      lat: true,
      lng: true,
    },
  });
}
