"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { setProductStatus } from "@/lib/catalog/set-product-status";

export async function setProductStatusAction(form: FormData) {
  const actor = await requireStaff("/admin/catalog");
  const id = String(form.get("id"));
  await setProductStatus({
    id,
    status: form.get("status") === "RETIRED" ? "RETIRED" : "ACTIVE",
    actor,
  });
  revalidatePath(`/admin/catalog/${id}`);
  revalidatePath("/admin/catalog");
}
