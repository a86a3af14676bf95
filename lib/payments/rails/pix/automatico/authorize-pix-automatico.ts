// The customer authorises Pix Automático once (Jornada 2): we reserve a `locrec`, create the
// recurrence (`POST /rec`: contract = account number, debtor = the customer's CPF/CNPJ and name,
// period, no fixed amount since invoices vary) and show its QR (`GET /rec/{idRec}` →
// dadosQR.pixCopiaECola), which the customer scans in their bank app to approve it. The status
// webhook (`/rec`) then says APROVADA. One live authorisation per customer; our cap (`maxAmount`)
// bounds every collection we schedule. Audited.
import "server-only";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone } from "@/lib/time/dates";
import { loadPix } from "../../load-rail";
import { devedorOf } from "../devedor";
import { pixApiClient } from "../pix-api-client";
import { pixAutomaticoOffered } from "./pix-automatico-offered";
import type { AuthorizePixAutomaticoInput } from "./pix-automatico-schema";

export type AuthorizePixAutomaticoOptions = AuthorizePixAutomaticoInput & {
  actor: Actor;
  customerId: string;
};

export async function authorizePixAutomatico(opts: AuthorizePixAutomaticoOptions) {
  assertCustomerAccess(opts.actor, opts.customerId, "customers:write");
  const pix = await loadPix();
  if (!pixAutomaticoOffered(pix))
    throw new AppError("CONFLICT", "Pix Automático is not offered by this provider.");
  const settings = await getSettings();
  const { row, contract, devedor } = await db.$transaction(async (tx) => {
    const [c] = await tx.$queryRawUnsafe<
      {
        accountNumber: string;
        currency: string;
        taxNumber: string | null;
        idNumber: string | null;
        name: string;
      }[]
    >(
      `SELECT "accountNumber", currency, "taxNumber", "idNumber",
              COALESCE(NULLIF("companyName", ''), "firstName" || ' ' || "lastName") AS name
         FROM "Customer" WHERE id = $1 FOR UPDATE`,
      opts.customerId,
    );
    if (!c) throw notFound("Customer");
    if (c.currency !== "BRL") throw new AppError("CONFLICT", "Pix takes payments in reais only.");
    const devedor = devedorOf(c);
    if (!devedor)
      throw new AppError("UNPROCESSABLE", "Add your CPF or CNPJ to your profile first.", {
        taxNumber: "a CPF (11 digits) or CNPJ (14 characters)",
      });
    const live = await tx.pixRecurrence.findFirst({
      where: {
        customerId: opts.customerId,
        OR: [{ status: "CRIADA" }, { status: "APROVADA", usable: true }],
      },
    });
    if (live)
      throw new AppError(
        "CONFLICT",
        live.status === "CRIADA"
          ? "An authorisation is already waiting for approval in your bank app."
          : "Pix Automático is already authorised.",
      );
    const row = await tx.pixRecurrence.create({
      data: {
        customerId: opts.customerId,
        periodicity: opts.periodicity,
        maxAmount: opts.maxAmount,
        currency: "BRL",
        createdById: opts.actor.kind === "system" ? null : opts.actor.id,
        createdAt: now(),
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "pix_automatico.authorise",
        entityType: "PixRecurrence",
        entityId: row.id,
        customerId: opts.customerId,
        data: { maxAmount: opts.maxAmount, periodicity: opts.periodicity },
      },
      tx,
    );
    return { row, contract: c.accountNumber, devedor };
  });
  const client = pixApiClient(pix);
  try {
    const loc = await client.postLocrec();
    const created = await client.postRec({
      vinculo: {
        contrato: contract.slice(0, 35),
        devedor,
        objeto: `Internet ${settings.name}`.slice(0, 35),
      },
      calendario: {
        dataInicial: dateInZone(now(), settings.timeZone),
        periodicidade: opts.periodicity,
      },
      politicaRetentativa: "NAO_PERMITE",
      loc: loc.id,
    });
    const full = await client.getRec(created.idRec);
    return await db.pixRecurrence.update({
      where: { id: row.id },
      data: {
        idRec: created.idRec,
        locId: String(loc.id),
        copiaECola: full?.dadosQR?.pixCopiaECola ?? null,
      },
    });
  } catch (e) {
    await db.pixRecurrence.update({
      where: { id: row.id },
      data: {
        status: "CANCELADA",
        usable: false,
        endReason: `not created: ${e instanceof Error ? e.message : "request failed"}`.slice(
          0,
          500,
        ),
        statusChangedAt: now(),
      },
    });
    throw e;
  }
}
