"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { assignStaticIp } from "@/lib/network/assign-static-ip";
import { findServiceByLogin } from "@/lib/network/find-service-by-login";
import { staticIpInputSchema } from "@/lib/network/ip-pool-schema";

export const assignStaticIpAction = defineAction({
  who: "staff",
  permission: "network:write",
  // A form sends an empty address for "the lowest free one".
  schema: z.object({
    username: z.string().trim().min(1, "Enter the service's PPPoE login").max(100),
    poolId: staticIpInputSchema.shape.poolId,
    address: z.preprocess((v) => (v === "" ? undefined : v), staticIpInputSchema.shape.address),
  }),
  returnTo: "/admin/network",
  handler: async ({ actor, input: { username, ...input } }) => {
    const subscriptionId = await findServiceByLogin({ actor, username });
    const ip = await assignStaticIp({ actor, subscriptionId, input });
    revalidatePath("/admin/network");
    return `${ip.address} assigned to ${username}; the router reconnects to take it.`;
  },
});
