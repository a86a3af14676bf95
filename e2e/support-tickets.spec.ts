import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { E2E, storageStateFor, type E2ERole } from "./support/env";

// [support] A subscriber asks for help in the portal with a photo; support answers in the back
// office; the answer reaches the subscriber by email (the offline mail folder is the captured
// mail), threaded by the reply token in its subject; the subscriber answers from their mail
// client (the inbound webhook) and sees the whole thread in the portal; the customer's 360° view
// shows the ticket and the emails on its timeline. Staff register a walk-in customer by hand,
// with the duplicate warning. axe finds no serious or critical violation on the pages touched.

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

async function as(browser: Browser, role: E2ERole): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageStateFor(role) });
  return ctx.newPage();
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
}

/** The newest captured email whose text contains `needle`. */
async function mailContaining(needle: string) {
  const dir = path.join(E2E.dataDir, "mail");
  // "Run now" sends at once; the every-minute schedule is the fallback.
  for (let i = 0; i < 90; i++) {
    const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".eml")).sort();
    for (const f of files.reverse().slice(0, 400)) {
      const mail = await simpleParser(await readFile(path.join(dir, f)));
      if (mail.text?.includes(needle)) return mail;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no captured mail contains ${needle}`);
}

test.describe("[support] tickets and the 360° view", () => {
  test("a subscriber opens a ticket, gets the staff reply by email, answers by email; the timeline shows it", async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const subject = `No internet ${Date.now()}`;
    const customer = await as(browser, "CUSTOMER");
    await customer.goto("/portal/support");
    await expectAccessible(customer);
    await customer.getByRole("link", { name: "New request" }).click();
    await expect(customer.getByRole("heading", { name: "New support request" })).toBeVisible();
    await expectAccessible(customer);
    await customer.getByLabel("What is it about?").selectOption("FAULT");
    await customer.getByLabel("Subject").fill(subject);
    await customer.getByLabel("Message").fill("The red light on the router is on.");
    await customer
      .getByLabel(/^Files/)
      .setInputFiles({ name: "router.png", mimeType: "image/png", buffer: PNG });
    await customer.getByRole("button", { name: "Send request" }).click();
    await expect(customer).toHaveURL(/\/portal\/support\/[^/]+$/);
    await expect(customer.getByRole("heading", { name: subject })).toBeVisible();
    await expect(customer.getByRole("link", { name: /router\.png/ })).toBeVisible();
    await expectAccessible(customer);

    // Support finds it in the queue and answers.
    const support = await as(browser, "SUPPORT");
    await support.goto("/admin/tickets");
    await expectAccessible(support);
    await support.getByRole("link", { name: new RegExp(subject) }).click();
    await expect(support.getByRole("heading", { name: subject })).toBeVisible();
    await expectAccessible(support);
    const photo = await support.getByRole("link", { name: /router\.png/ }).getAttribute("href");
    expect((await support.request.get(photo!)).headers()["content-type"]).toBe("image/png");
    await support.getByLabel("Message").fill("A technician is booked for tomorrow 9–12. OK?");
    await support.getByRole("button", { name: "Send", exact: true }).click();
    await expect(support.getByText("Reply sent to the customer.")).toBeVisible();

    // The mail run sends it; the subscriber's copy carries the ticket's reply token.
    const admin = await as(browser, "ADMIN");
    await admin.goto("/admin/jobs");
    await admin.getByRole("button", { name: "Run notifications.deliver now" }).click();
    await expect(
      admin
        .getByRole("status")
        // "skipped" when the every-minute run holds the job's lock: that run sends it instead.
        .filter({ hasText: /finished|skipped/i })
        .first(),
    ).toBeVisible();
    const mail = await mailContaining("A technician is booked for tomorrow");
    expect(mail.subject).toMatch(new RegExp(`^${subject} \\[T-\\d+ ref:[\\w-]{16,}\\]$`));
    expect(JSON.stringify(mail.to)).toContain(E2E.users.CUSTOMER);

    // The subscriber answers from their mail client; the provider forwards the raw message.
    const reply = await nodemailer
      .createTransport({ streamTransport: true, buffer: true })
      .sendMail({
        from: E2E.users.CUSTOMER,
        to: "support@bolandfibre.test",
        subject: `Re: ${mail.subject}`,
        text: `Yes, 9–12 suits me.\n\nOn Monday, Boland Fibre wrote:\n> ${mail.text}`,
      });
    const inbound = await request.post("/api/inbound/email", {
      headers: { authorization: `Bearer ${E2E.inboundEmailSecret}` },
      data: reply.message as Buffer,
    });
    expect(inbound.status()).toBe(201);
    await customer.reload();
    await expect(customer.getByText("A technician is booked for tomorrow 9–12. OK?")).toBeVisible();
    await expect(customer.getByText("Yes, 9–12 suits me.")).toBeVisible();
    await expect(customer.getByText("On Monday, Boland Fibre wrote:")).toHaveCount(0);

    // The 360° view: the ticket and the emails on one timeline.
    const ticketHref = await support.url();
    await support.reload();
    await expect(support.getByText("Yes, 9–12 suits me.")).toBeVisible();
    const customerLink = support.locator('a[href^="/admin/customers/"]').first();
    await customerLink.click();
    await expect(support.getByRole("heading", { name: "Timeline" })).toBeVisible();
    await expectAccessible(support);
    const timeline = support.locator("#timeline");
    await timeline.getByRole("link", { name: "Tickets", exact: true }).click();
    await expect(timeline.getByRole("link", { name: new RegExp(subject) })).toHaveAttribute(
      "href",
      new URL(ticketHref).pathname,
    );
    await timeline.getByRole("link", { name: "Messages sent", exact: true }).click();
    await expect(timeline.getByText(mail.subject!).first()).toBeVisible();
  });

  test("staff register a walk-in customer; a second with the same email is flagged as a duplicate", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = await as(browser, "ADMIN");
    const email = `walkin-${Date.now()}@example.test`;
    await page.goto("/admin/customers");
    await page.getByRole("link", { name: "New customer" }).click();
    await expectAccessible(page);
    const fill = async (first: string) => {
      await page.getByLabel("First name").fill(first);
      await page.getByLabel("Last name").fill("Walk-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Phone").fill("+27 82 555 0199");
      await page.getByLabel("ID number").fill(`${Date.now()}`.slice(0, 13));
      await page.getByLabel("Street address").fill("999 Testlaan");
      await page.getByLabel("City").fill("Stellenbosch");
    };
    await fill("Sipho");
    await page.getByRole("button", { name: "Create customer" }).click();
    await expect(page.getByRole("heading", { name: "Sipho Walk-in" })).toBeVisible();
    await expect(page.getByText(/Feasibility/).first()).toBeVisible();
    await expect(page.locator("#timeline").getByText("customer.create")).toBeVisible();

    await page.goto("/admin/customers/new");
    await fill("Thabo");
    await page.getByRole("button", { name: "Create customer" }).click();
    await expect(
      page.getByText(/This may be an existing customer: .*Sipho Walk-in \(same email/),
    ).toBeVisible();
    await page.getByLabel(/create a new account anyway/).check();
    await page.getByRole("button", { name: "Create customer" }).click();
    await expect(page.getByRole("heading", { name: "Thabo Walk-in" })).toBeVisible();
  });
});
