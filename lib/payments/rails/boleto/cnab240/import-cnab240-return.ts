// Imports a CNAB 240 return file: every entry is stored once (WebhookEvent, source "cnab240",
// keyed by nosso número, movement and date, so importing the same file twice records nothing
// new), and each settlement pays the invoice its seu número names, through the same payment
// service as every other rail. Rejections and write-offs are stored with their reason for staff;
// a settlement naming no invoice of ours goes to the bank review queue.
// The seam to the bank-file import pipeline (lib/bank) is this one function taking file text:
// the pipeline can call it for files it recognises as CNAB 240 returns.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { instantInZone } from "@/lib/time/dates";
import { getSettings } from "@/lib/settings/get-settings";
import { recordRailPaymentTx } from "../../record-rail-payment-tx";
import { queueRailConfirmationTx } from "../../review/queue-rail-confirmation-tx";
import { markProviderEvent, storeProviderEvent } from "../../store-provider-event";
import { parseCnab240Return } from "./parse-return";

export type ImportCnab240ReturnOptions = { actor: Actor; text: string };

export async function importCnab240Return(opts: ImportCnab240ReturnOptions) {
  assertCan(opts.actor, "banking:write");
  const entries = parseCnab240Return(opts.text);
  const { timeZone } = await getSettings();
  const result = { entries: entries.length, duplicates: 0, paid: 0, unmatched: 0, other: 0 };
  for (const e of entries) {
    const event = await storeProviderEvent({
      source: "cnab240",
      externalId: `${e.bankRef}:${e.movement}:${e.date ?? ""}`,
      type: `cnab240.${e.status.toLowerCase()}`,
      payload: e,
    });
    if (!event.fresh || event.processed) {
      result.duplicates++;
      continue;
    }
    if (e.status !== "SETTLED") {
      await markProviderEvent(event.id, e.reason ?? e.status);
      result.other++;
      continue;
    }
    const error = await db.$transaction(async (tx) => {
      const [inv] = await tx.$queryRawUnsafe<{ id: string; customerId: string }[]>(
        `SELECT id, "customerId" FROM "Invoice" WHERE number = $1 AND currency = 'BRL' LIMIT 1`,
        e.documentNumber,
      );
      if (!inv) {
        await queueRailConfirmationTx(tx, {
          source: "CNAB",
          externalId: `boleto:${e.bankRef}:${e.date ?? ""}`,
          amount: e.amount,
          currency: "BRL",
          bookingDate: e.date,
          reference: `nosso número ${e.bankRef} · document ${e.documentNumber || "none"}`,
          name: null,
        });
        return "review";
      }
      await recordRailPaymentTx(tx, {
        customerId: inv.customerId,
        invoiceId: inv.id,
        amount: e.amount,
        provider: "BANK",
        externalId: `boleto:${e.bankRef}:${e.date ?? ""}`,
        reference: e.bankRef,
        receivedAt: instantInZone(e.date!, 12, timeZone),
      });
      return null;
    });
    // An unknown document number is queued for review: the event is done, the entry is open.
    await markProviderEvent(event.id, error === "review" ? null : error);
    if (error) result.unmatched++;
    else result.paid++;
  }
  await recordAudit({ actor: opts.actor, action: "bank.import_cnab240", data: result });
  return result;
}
