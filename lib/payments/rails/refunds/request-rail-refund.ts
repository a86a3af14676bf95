// A refund of money that came in on a rail goes back on that rail: a Pix devolução (`PUT
// /pix/{e2eid}/devolucao/{id}`, our id, so a retry creates nothing new) or an M-PESA reversal
// (Daraja `/mpesa/reversal/v1/request` of the receipt, whole shillings). The request is recorded
// first (a PENDING RailRefund, which counts against what may still be refunded), audited, and
// booked only when the provider says the money went back (settle-rail-refund.ts). A refusal
// marks it FAILED and says why.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { darajaUrls } from "../callback-urls";
import { loadMpesa, loadPix } from "../load-rail";
import { darajaClient } from "../mpesa/daraja-client";
import { reais } from "../pix/create-pix-charge";
import { pixApiClient } from "../pix/pix-api-client";
import { settleRailRefund } from "./settle-rail-refund";

export type RequestRailRefundOptions = {
  actor: Actor;
  paymentId: string;
  amount: number;
  reason: string;
};

/** Where a received payment's money came from, if a rail that can send it back. */
export function railOrigin(p: {
  provider: string;
  externalId: string | null;
  reference: string | null;
}) {
  if (p.provider === "PIX" && p.externalId?.startsWith("pix:"))
    return { rail: "PIX" as const, ref: p.externalId.slice(4) };
  if (p.provider === "MPESA" && p.reference && /^[A-Z0-9]{10}$/.test(p.reference))
    return { rail: "MPESA" as const, ref: p.reference };
  return null;
}

export async function requestRailRefund(opts: RequestRailRefundOptions) {
  const rr = await db.$transaction(async (tx) => {
    const [p] = await tx.$queryRawUnsafe<
      {
        id: string;
        customerId: string;
        amount: number;
        status: string;
        provider: string;
        externalId: string | null;
        reference: string | null;
      }[]
    >(
      `SELECT id, "customerId", amount, status, provider, "externalId", reference
         FROM "Payment" WHERE id = $1 FOR UPDATE`,
      opts.paymentId,
    );
    const origin = p && railOrigin(p);
    if (!p || !origin)
      throw new AppError("CONFLICT", "This payment cannot be sent back on its rail.");
    if (p.status !== "SUCCEEDED")
      throw new AppError("CONFLICT", `A ${p.status.toLowerCase()} payment cannot be refunded.`);
    if (origin.rail === "MPESA" && opts.amount % 100 !== 0)
      throw new AppError("UNPROCESSABLE", "M-PESA reverses whole shillings only.", {
        amount: "whole shillings",
      });
    const [used] = await tx.$queryRawUnsafe<{ sum: number }[]>(
      `SELECT (COALESCE((SELECT SUM(amount) FROM "Refund" WHERE "paymentId" = $1), 0)
             + COALESCE((SELECT SUM(amount) FROM "RailRefund"
                          WHERE "paymentId" = $1 AND status = 'PENDING'), 0))::int AS sum`,
      p.id,
    );
    if (opts.amount > p.amount - used.sum)
      throw new AppError("UNPROCESSABLE", `At most ${p.amount - used.sum} can be refunded.`, {
        amount: `at most ${p.amount - used.sum}`,
      });
    const row = await tx.railRefund.create({
      data: {
        rail: origin.rail,
        paymentId: p.id,
        amount: opts.amount,
        reason: opts.reason,
        // Pix: our devolução id, chosen before the PSP hears of it. M-PESA: its ConversationID.
        providerRef: origin.rail === "PIX" ? `lmd${randomBytes(12).toString("hex")}` : null,
        requestedById: opts.actor.kind === "system" ? null : opts.actor.id,
        createdAt: now(),
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "payment.rail_refund_request",
        entityType: "RailRefund",
        entityId: row.id,
        customerId: p.customerId,
        data: { amount: opts.amount, rail: origin.rail },
      },
      tx,
    );
    return { row, origin };
  });
  const { row, origin } = rr;
  try {
    if (origin.rail === "PIX") {
      const dev = await pixApiClient(await loadPix()).putDevolucao(origin.ref, row.providerRef!, {
        valor: reais(row.amount),
        natureza: "ORIGINAL",
        descricao: opts.reason.slice(0, 140),
      });
      if (dev.status === "DEVOLVIDO") await settleRailRefund(row.id, { done: true });
      if (dev.status === "NAO_REALIZADO")
        await settleRailRefund(row.id, { done: false, reason: dev.motivo ?? "NAO_REALIZADO" });
    } else {
      const mpesa = await loadMpesa();
      const url = darajaUrls(mpesa.callbackToken).reversalResultUrl;
      const r = await darajaClient(mpesa, now).reversal({
        transactionId: origin.ref,
        shillings: row.amount / 100,
        resultUrl: url,
        timeoutUrl: url,
        remarks: opts.reason,
      });
      await db.railRefund.update({
        where: { id: row.id },
        data: { providerRef: r.ConversationID },
      });
    }
  } catch (e) {
    await settleRailRefund(row.id, {
      done: false,
      reason: e instanceof Error ? e.message : "request failed",
    });
    throw e;
  }
  return db.railRefund.findUniqueOrThrow({ where: { id: row.id } });
}
