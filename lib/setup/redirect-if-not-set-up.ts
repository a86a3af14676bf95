import { redirect } from "next/navigation";
import { isSetUp } from "@/lib/settings/get-settings";

// Once set up, always set up: remember the positive answer and skip the query afterwards.
let known = false;

/** For layouts: before first-run setup every surface sends people to /setup. */
export async function redirectIfNotSetUp(): Promise<void> {
  if (known) return;
  if (await isSetUp()) {
    known = true;
    return;
  }
  redirect("/setup");
}
