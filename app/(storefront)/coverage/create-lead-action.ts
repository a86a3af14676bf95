"use server";

import { createLead } from "@/lib/leads/create-lead";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { requestIp } from "@/lib/http/client-ip";

export async function createLeadAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  return runFormAction(values, async () => {
    const { planned } = await createLead({
      input: {
        name: values.name ?? "",
        email: values.email ?? "",
        phone: values.phone,
        address: values.address ?? "",
        lat: values.lat || undefined,
        lng: values.lng || undefined,
        consent: values.consent === "on",
      },
      ip: (await requestIp()) ?? "local",
    });
    return planned
      ? "Thanks! We are building in your area and will let you know the day it goes live."
      : "Thanks! We will let you know as soon as we reach your address.";
  });
}
