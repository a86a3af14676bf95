import { expect, test } from "@playwright/test";
import { E2E, storageStateFor } from "./support/env";

// [payments] Pay now from the portal with a card. The e2e server talks to the local fake Stripe
// (e2e/support/start-server.ts), so the page offers the server-side test card instead of Stripe's
// Payment Element. The open invoice is made here — a one-off charge invoiced now by the admin —
// so the test does not depend on which demo invoices happen to be open today.

test.describe("[payments] pay now", () => {
  test.use({ storageState: storageStateFor("CUSTOMER") });

  test("a signed-in customer pays an open invoice with the test card; it shows paid with a receipt", async ({
    page,
    browser,
  }) => {
    const admin = await browser.newContext({ storageState: storageStateFor("ADMIN") });
    const staff = await admin.newPage();
    await staff.goto(`/admin/customers?q=${encodeURIComponent(E2E.users.CUSTOMER)}`);
    await staff.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(staff).toHaveURL(/\/admin\/customers\/[^/?]+$/);
    const customerId = new URL(staff.url()).pathname.split("/").pop()!;
    await staff.goto(`/admin/invoices?customer=${customerId}`);
    await staff.getByLabel("Description").fill("E2E router");
    await staff.getByLabel("Amount", { exact: true }).fill("150.00");
    await staff.getByLabel(/Invoice now/).check();
    await staff.getByRole("button", { name: "Add charge" }).click();
    await expect(staff.getByText("Charged on a new invoice.")).toBeVisible();
    await admin.close();

    // The newest invoice is the one just issued: open, with Pay now.
    await page.goto("/portal/invoices");
    const first = page.getByRole("row").nth(1).getByRole("link").first();
    const number = (await first.textContent())!.trim();
    expect(number).toMatch(/^INV-/);
    await first.click();
    await expect(page.getByRole("heading", { name: `Invoice ${number}` })).toBeVisible();
    await page.getByRole("link", { name: "Pay now" }).click();
    await expect(page).toHaveURL(/\/portal\/pay\?invoice=/);
    await expect(page.getByText(`Invoice ${number}`)).toBeVisible();

    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(
      page.getByText(/Test mode: this server talks to a local fake Stripe/),
    ).toBeVisible();
    await page.getByRole("button", { name: /with test card$/ }).click();
    await expect(page.getByText(/your payment was received/)).toBeVisible();

    // The invoice is paid and no longer offers Pay now.
    await page.goto("/portal/invoices");
    await page.getByRole("link", { name: number }).click();
    await expect(page.getByRole("heading", { name: `Invoice ${number}` })).toBeVisible();
    await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Pay now" })).toHaveCount(0);

    // The card payment paid that invoice, with a receipt that opens as a PDF.
    await page.goto("/portal/payments");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: number }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Card");
    const receipt = row.getByRole("link", { name: /^RCT-\d{6}$/ });
    await expect(receipt).toBeVisible();
    const href = await receipt.getAttribute("href");
    expect(href).toMatch(/^\/api\/payments\/[^/]+\/receipt$/);
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("the customer adds a card on Payment methods with the test card; it is listed", async ({
    page,
  }) => {
    await page.goto("/portal/payment-methods");
    await page.getByRole("button", { name: "Add a card" }).click();
    await page.getByRole("button", { name: "Save test card" }).click();
    await expect(page.getByText("Card VISA •••• 4242 saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByText(/^VISA •••• 4242/)).toBeVisible();
    await expect(page.getByText("Expires 12/2030")).toBeVisible();
  });
});
