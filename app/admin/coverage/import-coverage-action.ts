"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { importCoverageFile } from "@/lib/coverage/import-coverage-file";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { AppError } from "@/lib/errors";
import type { CoverageStatus, Technology } from "@/lib/generated/prisma/enums";

export async function importCoverageAction(_p: FormState, form: FormData): Promise<FormState> {
  const actor = await requireStaff("/admin/coverage");
  const v = formValues(form);
  let created = 0;
  const state = await runFormAction(v, async () => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("VALIDATION", "Choose a GeoJSON or KML file.", { file: "Choose a file" });
    ({ created } = await importCoverageFile({
      filename: file.name,
      text: await file.text(),
      actor,
      defaults: {
        technology: (v.technology || "FIBRE") as Technology,
        status: (v.status || "LIVE") as CoverageStatus,
        namePrefix: v.namePrefix,
      },
    }));
  });
  if (state.status === "ok") redirect(`/admin/coverage?imported=${created}`);
  return state;
}
