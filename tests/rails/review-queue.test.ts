// Rail confirmations nothing matched land in the bank review queue: a Pix the PSP confirms for a
// txid we never issued becomes a review entry (once, however often the webhook is replayed);
// "Match" to an account number books it as that Pix's payment exactly once, and "Not ours"
// closes an entry without booking anything.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { listReviewEntries } from "@/lib/bank/list-review-entries";
import { resolveBankEntry } from "@/lib/bank/resolve-bank-entry";
import { registerPixWebhook } from "@/lib/payments/rails/pix/register-pix-webhook";
import { updateRailSettings } from "@/lib/payments/rails/update-rail-settings";
import { startAppServer } from "./app-server";
import { pixSettingsFor, startFakePixPsp } from "./fake-pix-psp";
import {
  ACCOUNTS,
  ADMIN,
  BRAZIL,
  customerOwing,
  paymentsOf,
  secretsForTests,
  setupIsp,
} from "./fixtures";
import { makeTestPki } from "./test-ca";

const KEY = "cobranca@provedor.example";
let app: Awaited<ReturnType<typeof startAppServer>>;
let psp: Awaited<ReturnType<typeof startFakePixPsp>>;

beforeAll(async () => {
  secretsForTests();
  const pki = makeTestPki();
  app = await startAppServer();
  psp = await startFakePixPsp(pki);
  await setupIsp(BRAZIL);
  await updateRailSettings({
    actor: ADMIN,
    input: pixSettingsFor(psp, pki, { staticOnInvoices: true }),
  });
  await registerPixWebhook({ actor: ADMIN });
});
afterAll(async () => {
  await psp?.close();
  await app?.close();
});

const entryFor = (endToEndId: string) =>
  db.bankEntry.findMany({ where: { bankRef: `pix:${endToEndId}` } });

describe("unmatched Pix in the bank review queue", () => {
  test("appears once, however often it is replayed; Match books it once", async () => {
    const { customer, invoice } = await customerOwing(4590);
    const stranger = psp.pay("PEDIDO12345WRONG", "45.90");
    expect((await psp.notify(KEY, [stranger])).status).toBe(200);
    await psp.notify(KEY, [stranger]);
    expect(await paymentsOf(customer.id)).toEqual([]);
    const [entry, ...more] = await entryFor(stranger.endToEndId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      source: "PIX",
      fileId: null,
      status: "REVIEW",
      amount: 4590,
      currency: "BRL",
      reference: "txid PEDIDO12345WRONG",
    });
    // Listed with the rail it came from; the open invoice of that amount is the suggestion.
    const listed = (await listReviewEntries({ actor: ACCOUNTS })).find((e) => e.id === entry.id)!;
    expect(listed).toMatchObject({ source: "PIX", fileName: "Pix confirmation" });
    expect(listed.suggestions).toContainEqual(
      expect.objectContaining({ customerId: customer.id, invoiceId: invoice.id }),
    );

    // One click on the account number and invoice: the Pix's own payment, the invoice paid.
    const done = await resolveBankEntry({
      actor: ACCOUNTS,
      entryId: entry.id,
      action: "match",
      customerId: customer.accountNumber!,
      invoiceId: invoice.id,
    });
    expect(done.status).toBe("MATCHED");
    const payments = await paymentsOf(customer.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      id: done.paymentId,
      amount: 4590,
      method: "PIX",
      provider: "PIX",
      externalId: `pix:${stranger.endToEndId}`,
    });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");

    // Matched twice, or replayed after matching: nothing new.
    await expect(
      resolveBankEntry({
        actor: ACCOUNTS,
        entryId: entry.id,
        action: "match",
        customerId: customer.id,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await psp.notify(KEY, [stranger]);
    expect(await paymentsOf(customer.id)).toHaveLength(1);
    expect(await entryFor(stranger.endToEndId)).toHaveLength(1);
    expect(
      await db.auditLog.count({ where: { action: "bank.entry_match", entityId: entry.id } }),
    ).toBe(1);
  });

  test("Not ours closes it without booking anything; an unknown account number is refused", async () => {
    const stray = psp.pay("NOBODYKNOWS", "12.00");
    await psp.notify(KEY, [stray]);
    const [entry] = await entryFor(stray.endToEndId);
    expect(entry.status).toBe("REVIEW");
    await expect(
      resolveBankEntry({ actor: ACCOUNTS, entryId: entry.id, action: "match", customerId: "NOPE" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const closed = await resolveBankEntry({
      actor: ACCOUNTS,
      entryId: entry.id,
      action: "not_ours",
    });
    expect(closed).toMatchObject({ status: "NOT_OURS", paymentId: null });
    expect(await db.payment.count({ where: { externalId: `pix:${stray.endToEndId}` } })).toBe(0);
    expect((await listReviewEntries({ actor: ACCOUNTS })).map((e) => e.id)).not.toContain(entry.id);
  });
});
