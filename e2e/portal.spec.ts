import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./support/env";

// [portal] The subscriber's self-service: every portal page at phone and desktop width without
// serious or critical accessibility violations (axe), a plan change that shows its proration
// before confirming and then the invoice it issued, and a second service ordered while signed in.

const PAGES = [
  "/portal",
  "/portal/services",
  "/portal/invoices",
  "/portal/payments",
  "/portal/usage",
  "/portal/orders",
  "/portal/documents",
  "/portal/profile",
  "/portal/pay",
  "/portal/payment-methods",
  "/portal/support",
  "/portal/support/new",
];

async function serious(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("[portal] self-service", () => {
  test.use({ storageState: storageStateFor("CUSTOMER") });

  for (const width of [390, 1280]) {
    test(`every portal page passes axe at ${width} px and fits the screen`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const pages = [...PAGES];
      await page.goto("/portal/services");
      const manage = page.getByRole("link", { name: /^Manage / }).first();
      pages.push((await manage.getAttribute("href"))!);
      // The pages behind a record: the newest invoice, and a support request if there is one.
      await page.goto("/portal/invoices");
      const invoice = page.locator('a[href^="/portal/invoices/"]').first();
      if (await invoice.count()) pages.push((await invoice.getAttribute("href"))!);
      await page.goto("/portal/support");
      const ticket = page.locator('a[href^="/portal/support/"]:not([href$="/new"])').first();
      if (await ticket.count()) pages.push((await ticket.getAttribute("href"))!);
      for (const path of pages) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await serious(page), path).toEqual([]);
        // Nothing wider than the screen: the page scrolls vertically only.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `test-results/portal-${width}${path.replaceAll("/", "-")}.png`,
          fullPage: true,
        });
      }
    });
  }

  test("the portal is usable from the keyboard: skip through the tabs to a service", async ({
    page,
  }) => {
    await page.goto("/portal");
    const services = page.getByRole("navigation", { name: "Account" }).getByRole("link", {
      name: "Services",
    });
    for (
      let i = 0;
      i < 30 && !(await services.evaluate((el) => el === document.activeElement));
      i++
    )
      await page.keyboard.press("Tab");
    await expect(services).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/portal\/services$/);
  });

  test("a subscriber changes plan: the preview first, then the invoice it issued", async ({
    page,
  }) => {
    await page.goto("/portal/services");
    await page
      .getByRole("link", { name: /^Manage / })
      .first()
      .click();
    const options = page.getByRole("radio");
    await expect(options.first()).toBeVisible();
    // The dearest plan offered: an upgrade unless the subscriber already has the top plan.
    const choice = options.last();
    const label = (await choice.locator("xpath=..").innerText()).trim();
    await choice.check();
    await page.getByRole("button", { name: "Preview the change" }).click();
    const preview = page.getByRole("region", { name: "What changes" });
    await expect(preview).toBeVisible();
    if (label.includes("upgrade")) {
      await expect(preview).toContainText("credited for the days left");
      const dueNow = (await preview.getByRole("row", { name: /Invoiced now/ }).innerText())
        .replace("Invoiced now", "")
        .trim();
      await page.getByRole("button", { name: "Confirm upgrade" }).click();
      await expect(page).toHaveURL(/\/portal\/invoices\/[^/]+$/);
      await expect(page.getByRole("heading", { name: /^Invoice / })).toBeVisible();
      await expect(page.getByText(dueNow).first()).toBeVisible();
      await expect(page.getByText(/credit|unused/i).first()).toBeVisible();
    } else {
      await expect(preview).toContainText("when your current billing period ends");
      await page.getByRole("button", { name: "Confirm change" }).click();
      await expect(page.getByText("Your plan change is scheduled.")).toBeVisible();
    }
  });

  test("a signed-in subscriber orders a second service on their own account", async ({ page }) => {
    await page.goto("/coverage");
    await page.getByRole("combobox", { name: "Your street address" }).fill("Dorp Street");
    await page.getByRole("option").nth(1).click();
    await expect(page.getByRole("heading", { name: "Good news: you are covered" })).toBeVisible();
    await page
      .getByRole("link", { name: /^Choose / })
      .first()
      .click();
    await expect(page.getByRole("heading", { name: "Order another service" })).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();

    // Recognised: their details are filled in, the email is theirs and no password is asked.
    await expect(page.getByLabel("Email")).toHaveValue("customer@bolandfibre.test");
    await expect(page.getByLabel("Choose a password")).toHaveCount(0);
    // The ISP asks for an ID number with every agreement; this account has none on file.
    await page.getByLabel(/ID or passport number/).fill("8806155800081");
    await page.getByLabel(/I accept the terms/).check();
    await page.getByLabel(/I agree that my personal information/).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("radio", { name: /EFT/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();

    const agreement = page.getByRole("article", { name: "Internet Service Agreement" });
    await expect(agreement).toBeVisible();
    await page.getByRole("tab", { name: "Type" }).click();
    await page.getByLabel("Type your signature").fill("Demo Customer");
    await page.getByLabel("Full name").fill("Demo Customer");
    await page.getByLabel(/I have read the agreement/).check();
    await page.getByRole("button", { name: "Sign and place order" }).click();
    await expect(page).toHaveURL(/\/order\/complete\?number=ORD-/);
    const number = new URL(page.url()).searchParams.get("number")!;

    // On their own account straight away: no confirmation step, no second login.
    await page.goto("/portal/orders");
    await expect(page.getByText(number)).toBeVisible();
    await expect(page.getByText(/waits for you/)).toHaveCount(0);
  });
});

test.describe("[storefront] legal pages and the phone menu", () => {
  test("terms and privacy are public and reachable from the phone menu", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/");
    await page.getByRole("button", { name: "Menu" }).click();
    await page
      .getByRole("navigation", { name: "Menu" })
      .getByRole("link", { name: "Privacy notice" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
    expect(await serious(page)).toEqual([]);
    await page.goto("/terms");
    await expect(page.getByRole("heading", { level: 1, name: "Terms of service" })).toBeVisible();
  });
});
