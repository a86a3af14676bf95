import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/env";

// [payments] Accounts work in the back office: an EFT arrives for a customer with an open
// invoice; the admin records it from the invoice, allocates it to that invoice, the invoice
// shows paid, and the receipt opens as a PDF. The demo data provides the open invoice.

test.describe("[payments] manual payment", () => {
  test.use({ storageState: storageStateFor("ADMIN") });

  test("admin records an EFT, allocates it to the open invoice, which shows paid; the receipt opens", async ({
    page,
  }) => {
    await page.goto("/admin/invoices?status=OPEN");
    const first = page.getByRole("row").nth(1).getByRole("link").first();
    const number = (await first.textContent())!.trim();
    expect(number).toMatch(/^INV-/);
    await first.click();
    await expect(page.getByRole("heading", { name: `Invoice ${number}` })).toBeVisible();
    await expect(page.getByText(/^(Open|Overdue)$/).first()).toBeVisible();

    await page.getByRole("link", { name: "Record payment" }).click();
    await expect(page.getByRole("heading", { name: "Record payment" })).toBeVisible();
    // Coming from the invoice, that invoice is chosen with what is open on it.
    await expect(page.getByLabel("Invoices and amounts I choose")).toBeChecked();
    const payField = page.getByLabel(`Pay on ${number}`);
    const open = await payField.inputValue();
    expect(Number(open)).toBeGreaterThan(0);
    await expect(page.getByLabel("Amount (ZAR)")).toHaveValue(open);
    await expect(page.getByLabel("Method")).toHaveValue("EFT");
    const reference = `E2E EFT ${Date.now()}`;
    await page.getByLabel("Reference").fill(reference);
    await page.getByRole("button", { name: "Record payment" }).click();

    await expect(page).toHaveURL(/\/admin\/payments\/[^/?]+\?recorded=1$/);
    await expect(page.getByText(`applied to ${number}`)).toBeVisible();
    const receiptNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(
      "Payment ",
      "",
    );
    expect(receiptNumber).toMatch(/^RCT-\d{6}$/);
    await expect(page.getByRole("cell", { name: number })).toBeVisible();

    // The receipt opens: a PDF for the signed-in admin.
    const href = await page.getByRole("link", { name: "Receipt PDF" }).getAttribute("href");
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The invoice is paid, and the payment is in the list under its reference.
    await page.getByRole("link", { name: number }).click();
    await expect(page.getByRole("heading", { name: `Invoice ${number}` })).toBeVisible();
    await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
    await page.goto(`/admin/payments?q=${encodeURIComponent(reference)}`);
    await expect(page.getByRole("link", { name: receiptNumber })).toBeVisible();
  });
});
