"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { releaseStaticIp } from "@/lib/network/release-static-ip";

export const releaseStaticIpAction = defineAction({
  who: "staff",
  permission: "network:write",
  schema: z.object({ subscriptionId: z.string().min(1).max(100) }),
  returnTo: "/admin/network",
  handler: async ({ actor, input }) => {
    const { address } = await releaseStaticIp({ actor, subscriptionId: input.subscriptionId });
    revalidatePath("/admin/network");
    return `${address} is free again.`;
  },
});
