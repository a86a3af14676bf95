import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E, storageStateFor } from "./support/env";

// [dunning] Staff edit the arrangement rules beside the ladder and open the simulator; a customer
// with an overdue invoice proposes an arrangement in the portal (agreed at once) and sees it on
// the dashboard; staff edit a message template, watch the preview, and put the default back.
// The overdue invoice is made here: the admin invoices a one-off charge now and the test moves its
// dates three weeks back as the superuser with triggers off — the e2e server has no sandbox
// clock, and this stands in for the weeks passing. Screenshots at 1280 and 390 px go to
// test-results/.

async function backdateInvoice(customerEmail: string, description: string) {
  const dir = E2E.dataDir;
  const password = readFileSync(path.join(dir, "pg-password"), "utf8").trim();
  const port = readFileSync(path.join(dir, "pg-port"), "utf8").trim();
  const sql = new pg.Client({
    connectionString: `postgresql://lastmile:${encodeURIComponent(password)}@127.0.0.1:${port}/lastmile`,
  });
  await sql.connect();
  try {
    await sql.query("BEGIN");
    await sql.query("SET LOCAL session_replication_role = replica");
    const { rowCount } = await sql.query(
      `UPDATE "Invoice" i SET "issueDate" = current_date - 21, "dueDate" = current_date - 14
         FROM "User" u
        WHERE u.email = $1 AND i."customerId" = u."customerId"
          AND i.status IN ('OPEN', 'PARTIALLY_PAID')
          AND EXISTS (SELECT 1 FROM "InvoiceLine" l WHERE l."invoiceId" = i.id
                       AND l.description LIKE '%' || $2 || '%')`,
      [customerEmail, description],
    );
    const seen = await sql.query(
      `SELECT i.status, l.description FROM "Invoice" i JOIN "InvoiceLine" l ON l."invoiceId" = i.id
         JOIN "User" u ON u."customerId" = i."customerId"
        WHERE u.email = $1 ORDER BY i."createdAt" DESC LIMIT 3`,
      [customerEmail],
    );
    expect(rowCount, JSON.stringify(seen.rows)).toBe(1);
    await sql.query("COMMIT");
  } finally {
    await sql.end();
  }
}

const shot = (page: Page, info: { outputPath: (n: string) => string }, name: string) =>
  page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });

test.describe("[dunning] arrangements and messages", () => {
  test.use({ storageState: storageStateFor("ADMIN") });

  test("rules, simulator, a customer's arrangement agreed in the portal, a template edited", async ({
    page,
    browser,
  }, info) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    // The rules: four payments agreed without staff.
    await page.goto("/admin/dunning/policy");
    const rules = page.getByRole("button", { name: "Save residential arrangement rules" });
    const form = page.locator("form").filter({ has: rules });
    await form.getByLabel("Most payments").fill("4");
    await rules.click();
    await expect(form.getByText("Arrangement rules saved.")).toBeVisible();
    await shot(page, info, "policy-1280");
    await page.goto("/admin/dunning");
    await expect(page.getByRole("heading", { name: "Dunning simulator" })).toBeVisible();

    // An overdue invoice for the demo customer.
    await page.goto(`/admin/customers?q=${encodeURIComponent(E2E.users.CUSTOMER)}`);
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/admin\/customers\/[^/?]+$/);
    const customerId = new URL(page.url()).pathname.split("/").pop()!;
    await page.goto(`/admin/invoices?customer=${customerId}`);
    await page.getByLabel("Description").fill("E2E arrangement");
    await page.getByLabel("Amount", { exact: true }).fill("900.00");
    await page.getByLabel(/Invoice now/).check();
    await page.getByRole("button", { name: "Add charge" }).click();
    await expect(page.getByText("Charged on a new invoice.")).toBeVisible();
    await backdateInvoice(E2E.users.CUSTOMER, "E2E arrangement");

    // The customer proposes from the dashboard's notice; the preview says it is agreed at once.
    const ctx = await browser.newContext({ storageState: storageStateFor("CUSTOMER") });
    const portal = await ctx.newPage();
    await portal.setViewportSize({ width: 1280, height: 900 });
    await portal.goto("/portal");
    await portal.getByRole("link", { name: "Propose a payment arrangement" }).click();
    await expect(portal.getByRole("heading", { name: "Payment arrangement" })).toBeVisible();
    await portal.getByLabel("Number of payments").selectOption("3");
    await expect(
      portal.getByRole("table", { name: "Proposed payments" }).getByRole("row"),
    ).toHaveCount(4);
    await expect(portal.getByText(/Within our terms/)).toBeVisible();
    await shot(portal, info, "portal-arrangement-1280");
    await portal.getByRole("button", { name: "Propose this arrangement" }).click();
    // The page re-renders with the agreed schedule in place of the form.
    await expect(portal.getByRole("heading", { name: "Your arrangement" })).toBeVisible();
    await expect(portal.getByText("Agreed", { exact: true })).toBeVisible();
    await portal.goto("/portal");
    await expect(portal.getByText(/Payment arrangement agreed: next payment/)).toBeVisible();
    await shot(portal, info, "portal-dashboard-1280");
    await portal.setViewportSize({ width: 390, height: 844 });
    await portal.goto("/portal/arrangement");
    await expect(portal.getByRole("table", { name: "Arrangement payments" })).toBeVisible();
    await shot(portal, info, "portal-arrangement-390");
    await ctx.close();

    // Staff see it on the customer's Dunning card and in the queue.
    await page.goto(`/admin/customers/${customerId}`);
    await expect(page.getByRole("region", { name: "Payment arrangement" })).toBeVisible();
    await page.goto("/admin/dunning/arrangements");
    await expect(page.getByRole("heading", { name: "Payment arrangements" })).toBeVisible();
    await shot(page, info, "arrangements-1280");

    // A template: the preview follows the typing; an unknown placeholder is refused; reset.
    await page.goto("/admin/dunning/templates?event=overdue-notice");
    const subject = page.getByLabel("Subject");
    await subject.fill("{{firstName}}, {{amount}} is late");
    await expect(page.getByTestId("preview-subject")).toHaveText("Thandi, R 499.00 is late");
    await page.getByLabel("SMS", { exact: true }).fill("Pay now ✓ {{payUrl}}");
    await expect(page.getByTestId("sms-counter")).toContainText("UCS-2");
    await page.getByLabel("Text body").fill("Hello {{nickname}}");
    await expect(page.getByText("unknown placeholder {{nickname}}").first()).toBeVisible();
    await page.getByRole("button", { name: "Save email" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "nickname" })).toBeVisible();
    await page.getByLabel("Text body").fill("Hello {{firstName}}, {{amount}} is late: {{payUrl}}");
    await page.getByRole("button", { name: "Save email" }).click();
    await expect(page.getByText("Saved. Messages from now on use this wording.")).toBeVisible();
    await shot(page, info, "templates-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await shot(page, info, "templates-390");
    await page.getByRole("button", { name: "Reset to default" }).first().click();
    await expect(page.getByText("Back to the default wording.")).toBeVisible();
    await page.goto("/admin/dunning/arrangements");
    await shot(page, info, "arrangements-390");
  });
});
