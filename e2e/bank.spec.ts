import { expect, test } from "@playwright/test";
import { E2E, storageStateFor } from "./support/env";

// [bank] An accounts clerk imports the day's bank statement (camt.053): a credit quoting an
// invoice number pays it; a credit nobody can place waits in the review queue, and one click
// on "Match" with the customer's account number books it to that customer. Then the customer
// moves their debit order to another account in the portal, signing the mandate again.

const stamp = Date.now().toString(36).toUpperCase();

function camt053(entries: { ref: string; amount: string; ustrd: string; name: string }[]) {
  const ntry = entries
    .map(
      (e) =>
        `<Ntry><Amt Ccy="ZAR">${e.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
        `<BookgDt><Dt>2026-11-30</Dt></BookgDt><ValDt><Dt>2026-11-30</Dt></ValDt>` +
        `<AcctSvcrRef>${e.ref}</AcctSvcrRef><BkTxCd/><NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>` +
        `<RltdPties><Dbtr><Nm>${e.name}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>${e.ustrd}</Ustrd></RmtInf>` +
        `</TxDtls></NtryDtls></Ntry>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">` +
    `<BkToCstmrStmt><GrpHdr><MsgId>E2E-${stamp}</MsgId><CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>` +
    `<Stmt><Id>E2E-${stamp}-1</Id><CreDtTm>2026-11-30T18:00:00</CreDtTm>` +
    // The demo ISP's own account (Settings → Bank details).
    `<Acct><Id><Othr><Id>62812345678</Id></Othr></Id></Acct>${ntry}</Stmt></BkToCstmrStmt></Document>\n`
  );
}

test.describe("[bank] statement import and review", () => {
  test.use({ storageState: storageStateFor("ADMIN") });

  test("a credit quoting the invoice pays it; an unplaced credit is matched from the review queue", async ({
    page,
  }) => {
    // A fresh invoice for the demo customer, so the test does not depend on which are open.
    await page.goto(`/admin/customers?q=${encodeURIComponent(E2E.users.CUSTOMER)}`);
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/admin\/customers\/[^/?]+$/);
    const customerId = new URL(page.url()).pathname.split("/").pop()!;
    await page.goto(`/admin/invoices?customer=${customerId}`);
    const mine = (await page.getByRole("heading", { level: 2 }).first().textContent())!.match(
      /C\d{6}/,
    )![0];
    await page.getByLabel("Description").fill(`E2E bank ${stamp}`);
    await page.getByLabel("Amount", { exact: true }).fill("230.00");
    await page.getByLabel(/Invoice now/).check();
    await page.getByRole("button", { name: "Add charge" }).click();
    await expect(page.getByText("Charged on a new invoice.")).toBeVisible();
    await page.goto(`/admin/invoices?customer=${customerId}`);
    // The invoice list (newest first), not the customer's services or statement above it.
    const invoices = page
      .getByRole("table")
      .filter({ has: page.getByRole("columnheader", { name: "Number" }) });
    const invoiceLink = invoices.getByRole("row").nth(1).getByRole("link").first();
    const number = (await invoiceLink.textContent())!.trim();
    await invoiceLink.click();
    const due = await page.locator("dt", { hasText: /^Due$/ }).locator("+ dd").textContent();
    const cents = Number(due!.replace(/\D/g, ""));
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

    // Upload the statement.
    await page.goto("/admin/bank/imports");
    await page.getByLabel("Bank file").setInputFiles({
      name: `statement-${stamp}.xml`,
      mimeType: "application/xml",
      buffer: Buffer.from(
        camt053([
          { ref: `E2E-${stamp}-A`, amount, ustrd: `Payment ${number}`, name: "Demo Customer" },
          { ref: `E2E-${stamp}-B`, amount: "99.00", ustrd: `Gift ${stamp}`, name: "A Stranger" },
        ]),
      ),
    });
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page).toHaveURL(/\/admin\/bank\/imports\/[^/]+$/);
    const booked = page.getByRole("row").filter({ hasText: `Payment ${number}` });
    await expect(booked).toContainText("Matched");
    await expect(page.getByRole("row").filter({ hasText: `Gift ${stamp}` })).toContainText(
      /review/i,
    );

    // The invoice is paid.
    await page.goto(`/admin/invoices?customer=${customerId}`);
    await expect(invoices.getByRole("row").filter({ hasText: number })).toContainText("Paid");

    // The stranger's credit waits in review; staff know whose it is (another demo customer, so
    // the portal customer's balance stays as the specs after this one expect).
    await page.goto("/admin/customers");
    const others = page.getByRole("row").filter({ hasText: /C\d{6}/, hasNotText: mine });
    const other = (await others.first().textContent())!.match(/C\d{6}/)![0];
    await page.goto("/admin/bank/review");
    const entry = page.getByRole("listitem").filter({ hasText: `Gift ${stamp}` });
    await expect(entry).toContainText("R 99");
    await entry.getByText("Match by account number or split").click();
    await entry.getByLabel("Customer account number").fill(other);
    await entry.getByRole("button", { name: "Match", exact: true }).click();
    await expect(page.getByRole("listitem").filter({ hasText: `Gift ${stamp}` })).toHaveCount(0);
  });
});

test.describe("[bank] portal debit order", () => {
  test.use({ storageState: storageStateFor("CUSTOMER") });

  test("the customer signs a debit order mandate for their bank account; it is listed", async ({
    page,
  }) => {
    await page.goto("/portal/payment-methods");
    await page
      .getByRole("button", { name: /Set up a debit order|Change the bank account/ })
      .click();
    await page.getByLabel("Account holder").fill("Demo Customer");
    await page.getByLabel("Account number or IBAN").fill("62001234567");
    // A local account needs its type: the form says so before anything is saved.
    await page.getByLabel("Branch code").fill("250655");
    await page.getByRole("button", { name: "Review the mandate" }).click();
    await expect(page.getByText("Choose the account type")).toBeVisible();
    await page.getByLabel("Account type").selectOption("CURRENT");
    // Keep the customer's current default: other specs pay by card.
    const makeDefault = page.getByLabel(/Pay my invoices by this debit order/);
    if (await makeDefault.count()) await makeDefault.uncheck();
    await page.getByRole("button", { name: "Review the mandate" }).click();

    const text = page.getByTestId("mandate-text");
    await expect(text).toContainText("•••• 4567");
    await expect(text).toContainText("Mandate reference:");
    await page.getByRole("tab", { name: "Type" }).click();
    await page.getByLabel("Type your signature").fill("Demo Customer");
    await page.getByRole("button", { name: "Sign the mandate" }).click();
    await expect(
      page.getByText("Confirm that you have read and accept the agreement"),
    ).toBeVisible();
    await page.getByLabel(/I authorise this debit order/).check();
    await page.getByRole("button", { name: "Sign the mandate" }).click();
    await expect(page.getByText(/A signed copy of the mandate is on record/)).toBeVisible();
    await expect(page.getByText("Debit order •••• 4567")).toBeVisible();
  });
});
