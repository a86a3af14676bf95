"use server";

import { revalidatePath } from "next/cache";
import {
  importAddressesFormSchema,
  importServiceableAddresses,
} from "@/lib/coverage/import-serviceable-addresses";
import { plural } from "@/lib/format/plural";
import { defineAction } from "@/lib/http/define-action";

export const importAddressesAction = defineAction({
  who: "staff",
  permission: "coverage:write",
  returnTo: "/admin/coverage/addresses",
  schema: importAddressesFormSchema,
  handler: async ({ actor, input }) => {
    const { imported } = await importServiceableAddresses({
      text: await input.file.text(),
      replace: input.replace,
      actor,
    });
    revalidatePath("/admin/coverage/addresses");
    return `Imported ${plural(imported, "address", "addresses")}.`;
  },
});
