// The statement PDF for a date range: brought-forward balance, the range's entries and the
// closing balance, read back as text; a bad range is a validation error, not a 500.
import { execFileSync } from "node:child_process";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { renderStatementPdf } from "@/lib/ledger/render-statement-pdf";
import { setClock } from "@/lib/time/clock";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";

const text = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString().replace(/\s+/g, " ");
const me = (customerId: string): Actor => ({
  kind: "user",
  id: "u",
  role: "CUSTOMER",
  name: "S",
  customerId,
});

let vatId = "";
beforeAll(async () => {
  vatId = (await setupIsp()).vat.id;
});
afterEach(() => setClock(undefined));

describe("statement PDF", () => {
  test("brings the earlier balance forward and lists the range's entries", async () => {
    const plan = await createProduct({ taxClassId: vatId, price: 30000 });
    const c = await createCustomer();
    await createSubscription({ customerId: c.id, product: plan, startDate: "2026-03-01" });
    for (const d of ["2026-03-01", "2026-04-01", "2026-05-01"]) {
      travelTo(d);
      await runBilling({ asOf: d, actor: SYSTEM });
    }
    const { pdf, filename } = await renderStatementPdf({
      actor: me(c.id),
      customerId: c.id,
      from: "2026-04-01",
      to: "2026-05-31",
    });
    expect(filename).toBe(`statement-${c.accountNumber}-2026-04-01-2026-05-31.pdf`);
    const t = text(pdf);
    expect(t).toContain("Statement");
    expect(t).toMatch(/Balance brought forward R\s?300[.,]00/);
    expect(t).toMatch(/Balance due R\s?900[.,]00/);
  });

  test("an inverted range is refused; another customer's statement is not found", async () => {
    const c = await createCustomer();
    const other = await createCustomer();
    const range = { from: "2026-05-01", to: "2026-04-01" };
    await expect(
      renderStatementPdf({ actor: me(c.id), customerId: c.id, ...range }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      renderStatementPdf({
        actor: me(c.id),
        customerId: other.id,
        from: "2026-01-01",
        to: "2026-02-01",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
