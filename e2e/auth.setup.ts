import { expect, test as setup } from "@playwright/test";
import { E2E, storageStateFor, type E2ERole } from "./support/env";

// Signs in once per role through the real sign-in page and saves the session for the specs.
for (const role of Object.keys(E2E.users) as E2ERole[]) {
  setup(`sign in as ${role.toLowerCase()}`, async ({ page }) => {
    await page.goto(role === "CUSTOMER" ? "/portal" : "/admin");
    await expect(page).toHaveURL(/\/signin/);
    await page.getByLabel("Email").fill(E2E.users[role]);
    await page.getByLabel("Password").fill(E2E.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(role === "CUSTOMER" ? /\/portal$/ : /\/admin$/);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
