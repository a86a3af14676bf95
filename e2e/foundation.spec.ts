import { expect, test } from "@playwright/test";
import { E2E, storageStateFor } from "./support/env";

test.describe("[foundation] surfaces and sign-in", () => {
  test("storefront shows the demo ISP's plans", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: /Boland Fibre home/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Fibre 100" })).toBeVisible();
    await expect(page.getByText("R 799", { exact: false }).first()).toBeVisible();
  });

  test("admin and portal send visitors to sign-in", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
    await page.goto("/portal");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fportal/);
  });

  test("a wrong password does not say which part was wrong", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(E2E.users.SALES);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(
      "Email or password is incorrect.",
    );
    await page.getByLabel("Email").fill("nobody@example.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(
      "Email or password is incorrect.",
    );
  });
});

test.describe("[foundation] admin dashboard", () => {
  test.use({ storageState: storageStateFor("ADMIN") });

  test("shows the demo ISP's numbers and every menu", async ({ page }) => {
    await page.goto("/admin");
    await expect(page.getByText("Boland Fibre at a glance")).toBeVisible();
    // The demo has 200 customers; the sign-up spec may have activated more by now.
    await expect(page.getByText("Active customers").locator("..").locator("p").nth(1)).toHaveText(
      /^2\d\d$/,
    );
    const nav = page.getByRole("navigation", { name: "Back office" });
    for (const item of ["Customers", "Invoices", "Settings", "API keys", "Audit log"]) {
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }
  });
});

test.describe("[foundation] roles see only their work", () => {
  test.use({ storageState: storageStateFor("TECHNICIAN") });

  test("a technician has orders but no invoices, settings or revenue", async ({ page }) => {
    await page.goto("/admin");
    const nav = page.getByRole("navigation", { name: "Back office" });
    await expect(nav.getByRole("link", { name: "Orders" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Invoices" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
    await expect(page.getByText("Monthly recurring revenue")).toHaveCount(0);
  });
});

test.describe("[foundation] customer portal", () => {
  test.use({ storageState: storageStateFor("CUSTOMER") });

  test("a customer sees their services and cannot enter the back office", async ({ page }) => {
    await page.goto("/portal");
    await expect(page.getByRole("heading", { name: /Hello,/ })).toBeVisible();
    await expect(page.getByText("Your services")).toBeVisible();
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/portal$/);
  });
});
