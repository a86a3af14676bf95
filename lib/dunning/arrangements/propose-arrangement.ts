// A customer (portal) or staff (API) proposes to pay the overdue balance in instalments. Inside
// the ISP's rules it is agreed at once (the account is ARRANGED and dunning pauses); outside them
// it waits for ACCOUNTS, and dunning goes on meanwhile (a proposal alone cannot stall it). One
// PENDING or ACTIVE arrangement per customer (a partial unique index backs the check).
import "server-only";
import { db } from "@/lib/db";
import { assertCan, isCustomerActor, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { AppError, notFound } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { lockCustomerTx } from "@/lib/payments/lock-customer-tx";
import { toDbDate } from "@/lib/time/dates";
import { announceServiceChanges } from "../service-actions-tx";
import { checkSchedule, instalmentsSchema, type Instalment } from "./arrangement-schema";
import { agreeArrangementTx } from "./agree-arrangement-tx";
import { getArrangementPolicies } from "./get-arrangement-policies";
import { getCustomerArrangement } from "./get-customer-arrangement";
import { readArrangeableTx } from "./read-arrangeable-tx";

export type ProposeArrangementOptions = {
  actor: Actor;
  customerId: string;
  instalments: Instalment[];
  note?: string;
};

export async function proposeArrangement(opts: ProposeArrangementOptions) {
  const byCustomer = isCustomerActor(opts.actor);
  if (byCustomer) {
    if (opts.actor.kind !== "user" || opts.actor.customerId !== opts.customerId)
      throw notFound("Customer");
  } else assertCan(opts.actor, "billing:charge");
  const parsed = instalmentsSchema.safeParse(opts.instalments);
  if (!parsed.success)
    throw new AppError(
      "VALIDATION",
      parsed.error.issues[0]?.message ?? "Invalid instalments",
      Object.fromEntries(
        parsed.error.issues.map((i) => [["instalments", ...i.path].join("."), i.message]),
      ),
    );
  const note = opts.note?.trim() || null;
  if (note && note.length > 500)
    throw new AppError("VALIDATION", "The note is too long.", { note: "at most 500 characters" });

  const { arrangementId, subscriptionIds } = await db
    .$transaction(async (tx) => {
      const customer = await tx.customer.findUnique({
        where: { id: opts.customerId },
        select: { id: true, type: true, currency: true },
      });
      if (!customer) throw notFound("Customer");
      await lockCustomerTx(tx, customer.id);
      const policy = (await getArrangementPolicies(tx))[customer.type];
      if (byCustomer && !policy.enabled)
        throw new AppError("FORBIDDEN", "Payment arrangements are not offered on this account.");
      const open = await tx.paymentArrangement.findFirst({
        where: { customerId: customer.id, status: { in: ["PENDING", "ACTIVE"] } },
        select: { status: true },
      });
      if (open)
        throw new AppError(
          "CONFLICT",
          open.status === "ACTIVE"
            ? "This account already has an arrangement."
            : "A proposal is already waiting for approval.",
        );
      const today = await todayForIsp(tx);
      const owed = await readArrangeableTx(tx, customer.id, today);
      if (owed.total <= 0) throw new AppError("CONFLICT", "Nothing is overdue on this account.");
      const isp = await tx.ispSettings.findUniqueOrThrow({
        where: { id: 1 },
        select: { locale: true },
      });
      const money = (m: number) => formatMoney(m, customer.currency, isp.locale);
      const check = checkSchedule(policy, owed.total, parsed.data, today, money);
      if (Object.keys(check.invalid).length)
        throw new AppError("VALIDATION", Object.values(check.invalid)[0], check.invalid);
      const agreed = check.referReasons.length === 0;
      const created = await tx.paymentArrangement.create({
        data: {
          customerId: customer.id,
          status: "PENDING",
          currency: customer.currency,
          invoiceIds: owed.invoiceIds,
          total: owed.total,
          paidBaseline: owed.received,
          referReasons: check.referReasons,
          proposedById: opts.actor.kind === "system" ? null : opts.actor.id,
          proposedByName: opts.actor.name,
          note,
          instalments: {
            create: parsed.data.map((i, seq) => ({
              seq,
              dueDate: toDbDate(i.dueDate),
              amount: i.amount,
            })),
          },
        },
        select: { id: true },
      });
      const lifted = agreed
        ? await agreeArrangementTx(tx, { arrangementId: created.id, today })
        : { subscriptionIds: [] };
      await recordAudit(
        {
          actor: opts.actor,
          action: agreed ? "dunning.arrangement_agree" : "dunning.arrangement_propose",
          entityType: "PaymentArrangement",
          entityId: created.id,
          customerId: customer.id,
          data: { total: owed.total, instalments: parsed.data, referReasons: check.referReasons },
        },
        tx,
      );
      return { arrangementId: created.id, subscriptionIds: lifted.subscriptionIds };
    })
    .catch((e) => {
      // Two proposals at once: the partial unique index lets one through.
      if ((e as { code?: string }).code === "P2002")
        throw new AppError("CONFLICT", "A proposal is already waiting for approval.");
      throw e;
    });
  if (subscriptionIds.length) await announceServiceChanges([{ subscriptionIds, change: "resume" }]);
  const view = await getCustomerArrangement({ actor: opts.actor, customerId: opts.customerId });
  if (view?.id !== arrangementId) throw new Error("arrangement vanished after commit");
  return view;
}
