import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/env";

// [storefront] Outside coverage, a visitor leaves a "notify me" lead; sales sees it.
test.describe("[storefront] coverage lead", () => {
  test("a pin outside coverage offers no plans and records a lead", async ({ page, browser }) => {
    const name = `Outside Visitor ${Date.now()}`;
    await page.goto("/coverage");
    const map = page.locator(".leaflet-container");
    await expect(map).toBeVisible();
    await expect(page.locator("path.leaflet-interactive").first()).toBeVisible();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width - 12, box.y + 60);
    await expect(page.getByRole("heading", { name: "We are not there yet" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Choose / })).toHaveCount(0);

    const form = page.getByRole("form", { name: "Notify me when you reach my address" });
    await form.getByLabel("Address", { exact: true }).fill("7 Farm Road, Koelenhof");
    await form.getByLabel("Your name", { exact: true }).fill(name);
    await form.getByLabel("Email", { exact: true }).fill("outside@example.test");
    await form.getByRole("button", { name: "Notify me" }).click();
    await expect(form.getByText("Tick the box so we may contact you about coverage")).toBeVisible();
    await form.getByLabel(/You may contact me/).check();
    await form.getByRole("button", { name: "Notify me" }).click();
    await expect(page.getByText(/Thanks! We will let you know/)).toBeVisible();

    const staff = await browser.newContext({ storageState: storageStateFor("SALES") });
    const sales = await staff.newPage();
    await sales.goto("/admin/coverage/leads");
    await expect(sales.getByRole("row", { name: new RegExp(name) })).toContainText(
      "outside all areas",
    );
    await staff.close();
  });
});
