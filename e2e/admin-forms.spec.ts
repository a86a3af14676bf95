import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/env";

// Every back-office form goes through defineAction: a bad field is shown on that field with what
// was typed still there, secrets are never sent back, and a good form saves.
test.describe("[admin] forms", () => {
  test.use({ storageState: storageStateFor("ADMIN") });

  test("editing a customer: a missing town is shown on its field, the rest stays typed", async ({
    page,
  }) => {
    await page.goto("/admin/customers");
    await page.getByRole("table").getByRole("link").first().click();
    await page.getByRole("link", { name: "Edit contact details" }).click();
    await page.getByLabel("Phone").fill("+27 82 555 0101");
    await page.getByLabel("Town or city").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Enter the town or city")).toBeVisible();
    await expect(page.getByLabel("Town or city")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Phone")).toHaveValue("+27 82 555 0101");

    await page.getByLabel("Town or city").fill("Franschhoek");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("link", { name: "Edit contact details" })).toBeVisible();
    await expect(page.getByText("Franschhoek").first()).toBeVisible();
    await expect(page.getByText("+27 82 555 0101").first()).toBeVisible();
  });

  test("adding staff: a bad email is refused on its field and the password is not refilled", async ({
    page,
  }) => {
    await page.goto("/admin/users");
    await page.getByLabel("Name", { exact: true }).fill("Tess Temp");
    await page.getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByLabel("Set a temporary password").check();
    await page.getByLabel("Temporary password", { exact: true }).fill("temporary-pw-1");
    await page.getByRole("button", { name: "Add staff member" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Tess Temp");
    await expect(page.getByLabel("Temporary password", { exact: true })).toHaveValue("");

    await page.getByLabel("Email", { exact: true }).fill("tess@bolandfibre.test");
    await page.getByLabel("Set a temporary password").check();
    await page.getByLabel("Temporary password", { exact: true }).fill("temporary-pw-1");
    await page.getByRole("button", { name: "Add staff member" }).click();
    await expect(
      page.getByText("Tess Temp can sign in as tess@bolandfibre.test with the temporary password"),
    ).toBeVisible();
    await expect(
      page.getByRole("cell", { name: /^Tess Temp tess@bolandfibre.test/ }),
    ).toBeVisible();
  });

  test("settings: a ticked box saves as one change", async ({ page }) => {
    await page.goto("/admin/settings");
    const box = page.getByRole("checkbox", { name: /immediate/i });
    const was = await box.isChecked();
    await box.setChecked(!was);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Saved 1 change.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: /immediate/i })).toBeChecked({
      checked: !was,
    });
  });
});
