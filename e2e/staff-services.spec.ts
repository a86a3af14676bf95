import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E, storageStateFor, type E2ERole } from "./support/env";

// [staff] Sales set up a service by hand for an existing customer (a walk-in): the address from
// the serviceable-address list with the coverage check, a plan, a debit order, and the customer
// signs on the staff screen; the order is placed and live at once. By email: the request waits
// on the customer page, the customer signs through the emailed link without signing in; another
// request is cancelled and its link stops working. axe finds nothing serious on the new pages.

async function as(browser: Browser, role: E2ERole | null): Promise<Page> {
  const ctx = await browser.newContext(role ? { storageState: storageStateFor(role) } : {});
  return ctx.newPage();
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
}

async function drawSignature(page: Page) {
  const pad = page.getByTestId("signature-pad");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 60);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++)
    await page.mouse.move(box.x + 30 + i * 10, box.y + 60 - Math.sin(i / 3) * 25);
  await page.mouse.up();
}

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/staff-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Customer A's page, found through the admin search. */
async function openCustomer(page: Page) {
  await page.goto(`/admin/customers?q=${encodeURIComponent(E2E.users.CUSTOMER)}`);
  // The account number links to the customer; the row holds the email.
  await page.getByRole("row", { name: E2E.users.CUSTOMER }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/customers\/[^/?]+$/);
  return page.url();
}

/** The ISP requires an ID number on an agreement: staff add it first when the record lacks it. */
async function ensureIdNumber(page: Page, customerUrl: string) {
  await page.goto(`${customerUrl}/edit`);
  const id = page.getByLabel("ID number");
  if (!(await id.inputValue())) {
    await id.fill("8001015009087");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).not.toHaveURL(/\/edit$/);
  }
  await page.goto(customerUrl);
}

async function fillService(page: Page, pay: "debit" | "eft", signing: RegExp) {
  await page.getByRole("link", { name: "Add service" }).click();
  await expect(page.getByRole("heading", { name: "Add service" })).toBeVisible();
  await page.getByRole("combobox", { name: "Find the address" }).fill("Dorp Street");
  await page
    .getByRole("listbox", { name: "Matching addresses" })
    .getByRole("option")
    .first()
    .click();
  await expect(page.getByText(/In coverage: \d+ plans? sold here/)).toBeVisible();
  await page.getByRole("radio").first().check();
  if (pay === "debit") {
    await page.getByLabel("Account holder").fill("T Customer");
    await page.getByLabel("Account number or IBAN").fill("62812345678");
    await page.getByLabel("Branch code").fill("250655");
  } else await page.getByRole("radio", { name: /EFT \(bank transfer\)/ }).check();
  await page.getByRole("radio", { name: signing }).check();
}

test.describe("[staff] services set up by hand", () => {
  test("signed in person on the staff screen: placed and live at once", async ({ browser }) => {
    test.setTimeout(120_000);
    const sales = await as(browser, "SALES");
    const customerUrl = await openCustomer(sales);
    await ensureIdNumber(sales, customerUrl);
    await fillService(sales, "debit", /Here, on this screen/);
    await expectAccessible(sales);
    await shoot(sales, "add-service");
    await sales.getByRole("button", { name: "Continue to signature" }).click();
    await expect(sales).toHaveURL(/\/admin\/orders\/requests\/[^/]+\/sign$/);
    await expect(sales.getByRole("article")).toContainText(/debit order/i);
    await expectAccessible(sales);
    await shoot(sales, "sign-in-person");
    await drawSignature(sales);
    await sales.getByLabel(/I have read the agreement/).check();
    await sales.getByRole("button", { name: "Sign the agreement" }).click();
    await expect(sales.getByText(/Signed: order ORD-/)).toBeVisible({ timeout: 30_000 });
    await expect(sales.getByText(/The service is set up/)).toBeVisible();
    const orderNumber = (await sales.getByText(/Signed: order/).textContent())!.match(
      /ORD-[\w-]+/,
    )![0];
    await sales.goto(customerUrl);
    await expect(sales.getByRole("link", { name: orderNumber, exact: true })).toBeVisible();
  });

  test("signed through the emailed link; a cancelled request's link stops working", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const sales = await as(browser, "SALES");
    const customerUrl = await openCustomer(sales);
    await ensureIdNumber(sales, customerUrl);
    await fillService(sales, "eft", /Email the customer a link/);
    await sales.getByRole("button", { name: "Send the agreement" }).click();
    await expect(sales.getByText(/The agreement is on its way/)).toBeVisible();
    const waiting = sales.getByRole("heading", { name: "Waiting for signature" });
    await expect(waiting).toBeVisible();
    await expectAccessible(sales);
    await shoot(sales, "waiting");

    // The link, as the customer receives it (an administrator can open sealed links in the
    // offline mail folder; "Run now" delivers the outbox at once).
    const link = await signingLink(browser);
    const visitor = await as(browser, null);
    await visitor.goto(link);
    await expect(visitor.getByRole("heading", { name: /agreement/ })).toBeVisible();
    await expectAccessible(visitor);
    await shoot(visitor, "sign-by-link");
    await visitor.getByRole("tab", { name: "Type" }).click();
    await visitor.getByLabel("Type your signature").fill("T Customer");
    await visitor.getByLabel(/I have read the agreement/).check();
    await visitor.getByRole("button", { name: "Sign the agreement" }).click();
    await expect(visitor.getByText(/Signed: order ORD-/)).toBeVisible({ timeout: 30_000 });
    await visitor.reload();
    await expect(visitor.getByText(/404|not found/i).first()).toBeVisible();

    // Another one, cancelled before it is signed.
    await sales.goto(customerUrl);
    await fillService(sales, "eft", /Email the customer a link/);
    await sales.getByRole("button", { name: "Send the agreement" }).click();
    await expect(waiting).toBeVisible();
    const second = await signingLink(browser, [link]);
    await sales.getByRole("button", { name: "Cancel" }).first().click();
    // Nothing waits any more: the entry leaves the customer page.
    await expect(waiting).toBeHidden();
    await visitor.goto(second);
    await expect(visitor.getByText(/404|not found/i).first()).toBeVisible();
  });
});

/** A signing link not seen before, from the outgoing mail as an administrator opens it. */
async function signingLink(browser: Browser, seen: string[] = []): Promise<string> {
  const admin = await as(browser, "ADMIN");
  await admin.goto("/admin/jobs");
  await admin.getByRole("button", { name: "Run notifications.deliver now" }).click();
  await expect(
    admin
      .getByRole("status")
      .filter({ hasText: /finished|skipped/i })
      .first(),
  ).toBeVisible();
  for (let i = 0; i < 90; i++) {
    await admin.goto("/admin/mail");
    const mails = admin.getByRole("link", { name: /agreement to sign/ });
    for (let m = 0; m < Math.min(await mails.count(), 3); m++) {
      await admin.goto("/admin/mail");
      await mails.nth(m).click();
      const text = (await admin.locator("pre").first().textContent()) ?? "";
      const url = text.match(/https?:\/\/\S+\/sign\/[\w-]+/)?.[0];
      const path = url && new URL(url).pathname;
      if (path && !seen.includes(path)) {
        await admin.context().close();
        return path;
      }
    }
    await admin.waitForTimeout(1000);
  }
  throw new Error("no new signing link in the outgoing mail");
}
