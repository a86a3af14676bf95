import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";

export const metadata = { title: "Signing you in" };

// After sign-in without a target: staff to the back office, customers to their portal.
export default async function SignedInPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  redirect(actor.role === "CUSTOMER" ? "/portal" : "/admin");
}
