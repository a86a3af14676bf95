"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { deleteCoverageArea } from "@/lib/coverage/delete-coverage-area";

export async function deleteCoverageAreaAction(form: FormData) {
  const actor = await requireStaff("/admin/coverage");
  await deleteCoverageArea({ id: String(form.get("id")), actor });
  redirect("/admin/coverage?deleted=1");
}
