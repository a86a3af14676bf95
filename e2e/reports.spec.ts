import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/env";

// [reports] Accounts opens the reports on the demo ISP's two months of history: the MRR
// waterfall and table, aging bars with a drill-down to one customer's invoices, revenue and
// collections, and tax; the CSV and PDF downloads come back as files. Screenshots at 1280 and
// 390 px go to test-results/ for a look.

test.describe("[reports] reports area", () => {
  test.use({ storageState: storageStateFor("ACCOUNTS") });

  test("accounts reads MRR, aging (with drill-down), revenue and tax; exports download", async ({
    page,
  }, info) => {
    const shot = (name: string) =>
      page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/admin/reports");
    await expect(page.getByRole("heading", { name: "Monthly recurring revenue" })).toBeVisible();
    await expect(page.getByRole("img", { name: "MRR waterfall" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Churn rate" })).toBeVisible();
    await shot("mrr-1280");

    await page.getByRole("link", { name: "Aging" }).click();
    await expect(page.getByRole("heading", { name: "Receivables aging" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Receivables by age" })).toBeVisible();
    await shot("aging-1280");
    const csv = page.waitForEvent("download");
    await page.getByRole("link", { name: "CSV" }).click();
    expect((await csv).suggestedFilename()).toMatch(/^aging-\d{4}-\d{2}-\d{2}\.csv$/);
    const pdf = await page.request.get(
      (await page.getByRole("link", { name: "PDF" }).getAttribute("href"))!,
    );
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    // Drill down into the customer who owes most: their open invoices, linked.
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page.getByRole("columnheader", { name: "Days overdue" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^INV-/ }).first()).toBeVisible();

    await page.getByRole("link", { name: "Revenue and collections" }).click();
    await expect(page.getByRole("heading", { name: "Revenue and collections" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Collected" })).toBeVisible();
    await shot("revenue-1280");

    await page.getByRole("link", { name: "Tax", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Tax", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Total" }).first()).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("tax-390");
    await page.goto("/admin/reports");
    await shot("mrr-390");
  });
});
