"use server";

import { revalidatePath } from "next/cache";
import { proposeArrangement } from "@/lib/dunning/arrangements/propose-arrangement";
import { getArrangementOffer } from "@/lib/dunning/arrangements/get-arrangement-offer";
import { buildSchedule, proposalFormSchema } from "@/lib/dunning/arrangements/arrangement-schema";
import { defineAction } from "@/lib/http/define-action";

export const proposeArrangementAction = defineAction({
  who: "customer",
  schema: proposalFormSchema,
  returnTo: "/portal/arrangement",
  handler: async ({ actor, input }) => {
    const customerId = actor.customerId;
    // The schedule is rebuilt here from the choices, with the same function as the preview.
    const offer = await getArrangementOffer({ actor, customerId });
    const a = await proposeArrangement({
      actor,
      customerId,
      instalments: buildSchedule({ total: offer.overdue, ...input }),
      note: input.note,
    });
    revalidatePath("/portal");
    revalidatePath("/portal/arrangement");
    return a.status === "ACTIVE"
      ? "Your arrangement is agreed. We have emailed you the schedule."
      : "Thank you: your proposal is with our accounts team, who will reply by email.";
  },
});
