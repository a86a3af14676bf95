// The sweep behind `rails.schedule-pix-automatico`: for each customer with an approved, usable
// Pix Automático authorisation, every open reais invoice due in 2 to 10 days (the window in which
// the Pix Automático rules require the receiver to send the collection instruction) gets one
// recurring charge, `PUT /cobr/{txid}` with the invoice's open amount and due date. An invoice
// whose open amount exceeds the customer's cap is left to be paid by hand. Idempotent: the
// charge's key (`invoice:<id>:pixauto:<recurrence>`) is unique, and PUT on our txid creates
// nothing new at the PSP on a retry. A refusal fails the collection into dunning.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { addDays, dateInZone, toDbDate } from "@/lib/time/dates";
import { loadPix } from "../../load-rail";
import { reais } from "../create-pix-charge";
import { pixApiClient } from "../pix-api-client";
import { failCobrTx } from "./fail-cobr-tx";
import { pixAutomaticoOffered } from "./pix-automatico-offered";

/** Days before the due date in which a `cobr` may be sent. */
export const COBR_WINDOW = { earliest: 10, latest: 2 } as const;

const newTxid = () => `lmr${randomBytes(15).toString("hex")}`;

type Due = {
  invoiceId: string;
  number: string | null;
  dueDate: Date;
  open: number;
  customerId: string;
  recurrenceId: string;
  idRec: string;
  maxAmount: number;
};

export async function schedulePixAutomaticoCharges() {
  const result = { scheduled: 0, overCap: 0, refused: 0, retryLater: 0 };
  const pix = await loadPix();
  if (!pixAutomaticoOffered(pix)) return result;
  const { timeZone } = await getSettings();
  const today = dateInZone(now(), timeZone);
  const due = await db.$queryRawUnsafe<Due[]>(
    `SELECT i.id AS "invoiceId", i.number, i."dueDate",
            (i.total - i."amountPaid" - i."amountCredited")::int AS open,
            i."customerId", r.id AS "recurrenceId", r."idRec", r."maxAmount"
       FROM "PixRecurrence" r
       JOIN "Invoice" i ON i."customerId" = r."customerId"
      WHERE r.status = 'APROVADA' AND r.usable AND r."idRec" IS NOT NULL
        AND i.status IN ('OPEN', 'PARTIALLY_PAID') AND i.currency = 'BRL'
        AND i.total - i."amountPaid" - i."amountCredited" > 0
        AND i."dueDate" BETWEEN $1 AND $2
        AND NOT EXISTS (SELECT 1 FROM "RailCharge" c
                         WHERE c."invoiceId" = i.id AND c."recurrenceId" = r.id)
      ORDER BY i."dueDate", i.id`,
    toDbDate(addDays(today, COBR_WINDOW.latest)),
    toDbDate(addDays(today, COBR_WINDOW.earliest)),
  );
  const client = pixApiClient(pix);
  for (const d of due) {
    if (d.open > d.maxAmount) {
      result.overCap++;
      continue;
    }
    let charge;
    try {
      charge = await db.railCharge.create({
        data: {
          rail: "PIX",
          providerRef: newTxid(),
          idempotencyKey: `invoice:${d.invoiceId}:pixauto:${d.recurrenceId}`,
          customerId: d.customerId,
          invoiceId: d.invoiceId,
          recurrenceId: d.recurrenceId,
          amount: d.open,
          currency: "BRL",
          createdAt: now(),
          display: {
            kind: "cobr",
            invoiceNumber: d.number,
            idRec: d.idRec,
            dueDate: d.dueDate.toISOString().slice(0, 10),
          },
        },
      });
    } catch (e) {
      // Another run scheduled it a moment ago.
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") continue;
      throw e;
    }
    try {
      await client.putCobr(charge.providerRef, {
        idRec: d.idRec,
        infoAdicional: `Fatura ${d.number ?? ""}`.trim().slice(0, 140),
        calendario: { dataDeVencimento: d.dueDate.toISOString().slice(0, 10) },
        valor: { original: reais(d.open) },
        ajusteDiaUtil: true,
        recebedor: {
          conta: pix.config.receiverAccount,
          tipoConta: pix.config.receiverAccountType,
          ...(pix.config.receiverBranch ? { agencia: pix.config.receiverBranch } : {}),
        },
      });
      result.scheduled++;
    } catch (e) {
      const reason = e instanceof Error ? e.message : "request failed";
      if (reason.includes("could not be reached")) {
        // Nothing reached the PSP: forget the row so the next run sends it again.
        logger.warn({ err: e, chargeId: charge.id }, "pix psp unreachable; cobr retried next run");
        await db.railCharge.delete({ where: { id: charge.id } });
        result.retryLater++;
        continue;
      }
      logger.warn({ err: e, chargeId: charge.id }, "pix automático collection refused");
      await db.$transaction((tx) => failCobrTx(tx, charge.id, reason));
      result.refused++;
    }
  }
  return result;
}
