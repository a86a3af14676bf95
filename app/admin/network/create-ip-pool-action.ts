"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { createIpPool } from "@/lib/network/create-ip-pool";
import { ipPoolInputSchema } from "@/lib/network/ip-pool-schema";

export const createIpPoolAction = defineAction({
  who: "staff",
  permission: "network:write",
  schema: ipPoolInputSchema,
  returnTo: "/admin/network",
  handler: async ({ actor, input }) => {
    const pool = await createIpPool({ actor, input });
    revalidatePath("/admin/network");
    return `Pool ${pool.name} added: ${pool.size} addresses to hand out.`;
  },
});
