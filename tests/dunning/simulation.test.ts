// The dunning simulation on the sandbox clock: customers on monthly plans, billed by the real
// billing run, with random behaviour — paying on time, late, partly, never, by auto-pay (a
// collection fails now and then), or settled by a credit note from staff — swept twice a day.
// Checked on every day: the day's forecast (made after the night's billing) is exactly what the
// sweeps did for every customer whose account nothing else touched that day; a step only for
// invoices open before the sweep (never a paid or credited one); each (account, step, invoice)
// once; no suspension on a weekend, holiday or after the cut-off; a payment that clears what
// must be paid lifts the suspension in its own transaction (no sweep in between). At the end,
// the books balance. Two behaviours arrange: two days after an invoice falls overdue they
// propose two instalments through the real use case (inside the rules, so agreed at once), then
// pay every instalment on its date ("arranges, keeps") or only the first ("arranges, breaks"),
// and their later invoices on time while the arrangement stands. Checked: no ladder step for
// arranged invoices while the arrangement is agreed; a break is taken once, and the ladder
// resumes from the policy's step (the forecast, checked daily, includes breaks and what follows).
// Sized for CI: DUNNING_SIM_CUSTOMERS (default 20) × DUNNING_SIM_DAYS (default 70) keeps the
// file near a minute on a loaded machine; DUNNING_SIM_CUSTOMERS=1000 DUNNING_SIM_DAYS=183 runs
// the full 1,000 customers × 6 months.
import { afterEach, beforeAll, expect, test } from "vitest";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { db } from "@/lib/db";
import { isExcludedDay } from "@/lib/dunning/calendar";
import { DEFAULT_POLICY } from "@/lib/dunning/policy-schema";
import { mustPayTx } from "@/lib/dunning/restore-if-cleared-tx";
import { forecastDunning } from "@/lib/dunning/forecast-dunning";
import { proposeArrangement } from "@/lib/dunning/arrangements/propose-arrangement";
import { readArrangeableTx } from "@/lib/dunning/arrangements/read-arrangeable-tx";
import { LADDER_STEPS } from "@/lib/dunning/steps";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { getCustomerBalance } from "@/lib/ledger/get-customer-balance";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { setClock } from "@/lib/time/clock";
import { addDays, fromDbDate, instantInZone, toDbDate } from "@/lib/time/dates";
import { createCustomer, createProduct, createSubscription } from "../billing/fixtures";
import { ACCOUNTS, at, setupIsp, ZONE } from "./fixtures";

const CUSTOMERS = Number(process.env.DUNNING_SIM_CUSTOMERS ?? 20);
const DAYS = Number(process.env.DUNNING_SIM_DAYS ?? 70);
const START = "2026-07-01";

type Behaviour =
  | "on-time"
  | "late"
  | "partial"
  | "never"
  | "auto-pay"
  | "credited"
  | "arranges-keeps"
  | "arranges-breaks";
const BEHAVIOURS: Behaviour[] = [
  "on-time",
  "arranges-keeps",
  "arranges-breaks",
  "late",
  "late",
  "partial",
  "never",
  "auto-pay",
  "credited",
];

function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

beforeAll(async () => {
  await setupIsp();
});
afterEach(() => setClock(undefined));

test(
  `${CUSTOMERS} customers × ${DAYS} days of random payment behaviour`,
  { timeout: Math.max(600_000, CUSTOMERS * DAYS * 20) }, // the full size runs for many minutes
  async () => {
    const rand = random(7);
    const tax = await db.taxClass.findFirstOrThrow({ where: { isDefault: true } });
    const product = await createProduct({ taxClassId: tax.id, price: 39900 });
    const people: { id: string; behaviour: Behaviour; lateBy: number }[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const c = await createCustomer({ type: rand() < 0.25 ? "BUSINESS" : "RESIDENTIAL" });
      await createSubscription({
        customerId: c.id,
        product,
        startDate: addDays(START, Math.floor(rand() * 28)),
      });
      const behaviour = BEHAVIOURS[i % BEHAVIOURS.length]; // each behaviour, whatever the size
      if (behaviour === "auto-pay")
        await db.paymentMethod.create({
          data: { customerId: c.id, kind: "CARD", isDefault: true, cardLast4: "4242" },
        });
      people.push({ id: c.id, behaviour, lateBy: 3 + Math.floor(rand() * 25) });
    }
    const ids = people.map((p) => p.id);
    const holidays = new Set(
      (await db.publicHoliday.findMany({ where: { country: "ZA" } })).map((h) =>
        fromDbDate(h.date),
      ),
    );
    let restoredInPayment = 0;
    let forecastChecked = 0;
    const credited = new Set<string>();
    /** The arrangement each arranging customer made (one each). */
    const arranged = new Map<
      string,
      { id: string; invoiceIds: string[]; instalments: { dueDate: string; amount: number }[] }
    >();

    /** Pays `amount` by EFT on `day`, to `invoiceIds` in order (what is open on each). */
    async function payTo(customerId: string, day: string, amount: number, invoiceIds: string[]) {
      const invoices = await db.invoice.findMany({ where: { id: { in: invoiceIds } } });
      const allocations: { invoiceId: string; amount: number }[] = [];
      let left = amount;
      for (const id of invoiceIds) {
        const inv = invoices.find((i) => i.id === id)!;
        const take = Math.min(left, inv.total - inv.amountPaid - inv.amountCredited);
        if (take > 0) allocations.push({ invoiceId: id, amount: take });
        left -= Math.max(0, take);
      }
      const paid = allocations.reduce((a, l) => a + l.amount, 0);
      if (paid <= 0) return;
      await recordManualPayment({
        actor: ACCOUNTS,
        customerId,
        amount: paid,
        currency: "ZAR",
        method: "EFT",
        receivedOn: day,
        sendReceipt: false,
        allocations,
      });
    }

    /**
     * An arranging customer's day: proposes two days after its oldest open invoice fell due,
     * pays instalments on their dates (a breaker only the first) and, while the arrangement
     * stands or after it was kept, its other invoices on their due dates. Returns whether it
     * touched the account.
     */
    async function arrangerActs(
      p: { id: string; behaviour: Behaviour },
      day: string,
      open: { id: string; dueDate: Date }[],
    ) {
      const mine = arranged.get(p.id);
      if (!mine) {
        if (!open.length || day !== addDays(fromDbDate(open[0].dueDate), 2)) return false;
        const owed = await readArrangeableTx(db, p.id, day);
        const first = Math.ceil(owed.total / 2);
        const instalments = [
          { dueDate: addDays(day, 3), amount: first },
          { dueDate: addDays(day, 17), amount: owed.total - first },
        ];
        const a = await proposeArrangement({
          actor: { kind: "user", id: `u-${p.id}`, role: "CUSTOMER", name: "C", customerId: p.id },
          customerId: p.id,
          instalments,
        });
        expect(a.status).toBe("ACTIVE");
        arranged.set(p.id, { id: a.id, invoiceIds: a.invoiceIds, instalments });
        return true;
      }
      let touched = false;
      for (const [n, i] of mine.instalments.entries())
        if (i.dueDate === day && (p.behaviour === "arranges-keeps" || n === 0)) {
          await payTo(p.id, day, i.amount, mine.invoiceIds);
          touched = true;
        }
      const { status } = await db.paymentArrangement.findUniqueOrThrow({ where: { id: mine.id } });
      if (status === "BROKEN") return touched;
      for (const inv of open)
        if (!mine.invoiceIds.includes(inv.id) && fromDbDate(inv.dueDate) === day) {
          await payTo(p.id, day, Number.MAX_SAFE_INTEGER, [inv.id]);
          touched = true;
        }
      return touched;
    }

    /** One sweep; every step it takes is for invoices open before it, suspensions on allowed days. */
    async function sweepAt(day: string, hour: number) {
      at(day, hour);
      const openBefore = new Set(
        (
          await db.invoice.findMany({
            where: { customerId: { in: ids }, status: { in: ["OPEN", "PARTIALLY_PAID"] } },
            select: { id: true },
          })
        ).map((i) => i.id),
      );
      await runDunningSweep({ customerIds: ids });
      const fresh = await db.dunningEvent.findMany({
        where: { customerId: { in: ids }, at: { gte: instantInZone(day, hour, ZONE) } },
      });
      for (const e of fresh) {
        // An arrangement's own rows name the arrangement (invoiceId) and its invoices.
        if (e.step.startsWith("arrangement-")) {
          expect(e.step).toBe("arrangement-missed");
          for (const id of e.invoiceIds)
            expect(arranged.get(e.customerId)?.invoiceIds).toContain(id);
          continue;
        }
        // Restores happen in payments; the sweep restores only accounts a credit note cleared.
        if (e.step === "restore") {
          expect(credited.has(e.customerId)).toBe(true);
          continue;
        }
        for (const id of [e.invoiceId, ...e.invoiceIds])
          expect(openBefore.has(id), `${e.step} on a settled invoice`).toBe(true);
        if (e.step === "soft-suspend" || e.step === "suspend") {
          expect(isExcludedDay(fromDbDate(e.date), DEFAULT_POLICY, holidays)).toBe(false);
          expect(hour).toBeLessThan(DEFAULT_POLICY.cutoffHour);
        }
      }
    }

    for (let d = 0; d < DAYS; d++) {
      const day = addDays(START, d);
      at(day, 3);
      await runBilling({ actor: SYSTEM, asOf: day });
      // What the simulator says today's sweeps will do, assuming no payment arrives.
      const forecast = await forecastDunning({ actor: SYSTEM, days: 1, customerIds: ids });
      const touched = new Set<string>();

      await sweepAt(day, 9);

      // Payments, as each customer behaves; auto-pay collects on the due date (a failure now
      // and then); staff credit a disputed account's open invoices in full.
      at(day, 11);
      const open = await db.invoice.findMany({
        where: { customerId: { in: ids }, status: { in: ["OPEN", "PARTIALLY_PAID"] } },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      });
      for (const p of people) {
        if (p.behaviour === "arranges-keeps" || p.behaviour === "arranges-breaks") {
          const mine = open.filter((i) => i.customerId === p.id);
          if (await arrangerActs(p, day, mine)) touched.add(p.id);
          continue;
        }
        for (const inv of open.filter((i) => i.customerId === p.id)) {
          const due = fromDbDate(inv.dueDate);
          const left = inv.total - inv.amountPaid - inv.amountCredited;
          if (
            p.behaviour === "credited" &&
            day === addDays(due, p.lateBy) &&
            !(await db.dunningEvent.count({ where: { feeInvoiceId: inv.id } }))
          ) {
            touched.add(p.id);
            credited.add(p.id);
            const all = await db.invoice.findMany({
              where: { customerId: p.id, status: { in: ["OPEN", "PARTIALLY_PAID"] } },
            });
            for (const i of all)
              await issueCreditNote({
                actor: ACCOUNTS,
                invoiceId: i.id,
                amount: i.total - i.amountPaid - i.amountCredited,
                reason: "disputed, settled",
              });
            break;
          }
          const pays =
            (p.behaviour === "on-time" && day === due) ||
            (p.behaviour === "auto-pay" && day === due && rand() > 0.2) ||
            (p.behaviour === "late" && day === addDays(due, p.lateBy)) ||
            (p.behaviour === "partial" && day === addDays(due, p.lateBy));
          if (!pays || left <= 0) continue;
          touched.add(p.id);
          const amount = p.behaviour === "partial" ? Math.ceil(left / 2) : left;
          const before = await db.dunningAccount.findUnique({ where: { customerId: p.id } });
          await recordManualPayment({
            actor: ACCOUNTS,
            customerId: p.id,
            amount,
            currency: "ZAR",
            method: "EFT",
            receivedOn: day,
            sendReceipt: false,
            allocations: [{ invoiceId: inv.id, amount }],
          });
          // Right after the payment — no sweep in between — a cleared account is restored.
          const owed = await mustPayTx(db, p.id, day, DEFAULT_POLICY.feesInMustPay);
          if (
            before &&
            ["SOFT_SUSPENDED", "SUSPENDED", "COLLECTIONS"].includes(before.state) &&
            owed < DEFAULT_POLICY.minBalance
          ) {
            const after = await db.dunningAccount.findUniqueOrThrow({
              where: { customerId: p.id },
            });
            expect(after.state).toBe("CURRENT");
            expect(
              await db.subscription.count({
                where: {
                  customerId: p.id,
                  OR: [{ status: "SUSPENDED" }, { softSuspendedAt: { not: null } }],
                },
              }),
            ).toBe(0);
            restoredInPayment++;
          }
        }
      }

      await sweepAt(day, 16);

      // Forecast = execution, for every account nothing but the sweeps touched today.
      const executed = await db.dunningEvent.findMany({
        where: { customerId: { in: ids }, date: toDbDate(day) },
      });
      const row = (r: {
        customerId: string;
        step: string;
        invoiceIds: string[];
        amount: number;
        reason: string;
      }) => `${r.customerId} ${r.step} ${r.invoiceIds.join(",")} ${r.amount} ${r.reason}`;
      const untouched = (r: { customerId: string }) => !touched.has(r.customerId);
      expect(executed.filter(untouched).map(row).sort(), day).toEqual(
        forecast.filter(untouched).map(row).sort(),
      );
      forecastChecked += forecast.filter(untouched).length;
    }

    const events = await db.dunningEvent.findMany({ where: { customerId: { in: ids } } });
    const keys = events.map((e) => `${e.customerId} ${e.step} ${e.invoiceId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const steps = new Set(events.map((e) => e.step));
    for (const s of [
      "reminder",
      "overdue-notice",
      "late-fee",
      "soft-suspend",
      "suspend",
      "restore",
    ])
      expect(steps, s).toContain(s);
    expect(restoredInPayment).toBeGreaterThan(0);
    expect(forecastChecked).toBeGreaterThan(0);
    // Arrangements: kept by the keepers, broken once by the breakers; while agreed, no ladder
    // step for the arranged invoices; after a break the ladder resumes from the policy's step.
    const arrangements = await db.paymentArrangement.findMany({
      where: { customerId: { in: ids } },
    });
    const behaviourOf = new Map(people.map((p) => [p.id, p.behaviour]));
    expect(arrangements.map((a) => a.status).sort()).toEqual(
      [...arranged.keys()]
        .map((id) => (behaviourOf.get(id) === "arranges-keeps" ? "KEPT" : "BROKEN"))
        .sort(),
    );
    expect(arrangements.some((a) => a.status === "KEPT")).toBe(true);
    expect(arrangements.some((a) => a.status === "BROKEN")).toBe(true);
    const order = (step: string) => LADDER_STEPS.indexOf(step as (typeof LADDER_STEPS)[number]);
    for (const a of arrangements) {
      const mine = events.filter((e) => e.customerId === a.customerId);
      const agreed = mine.filter((e) => e.step === "arrangement-agreed" && e.invoiceId === a.id);
      const ended = mine.filter(
        (e) => e.step === (a.status === "KEPT" ? "arrangement-kept" : "arrangement-missed"),
      );
      expect(agreed).toHaveLength(1);
      expect(ended).toHaveLength(1);
      const onArranged = mine.filter(
        (e) =>
          !e.step.startsWith("arrangement-") &&
          [e.invoiceId, ...e.invoiceIds].some((id) => a.invoiceIds.includes(id)),
      );
      expect(
        onArranged.filter((e) => e.at > agreed[0].at && e.at < ended[0].at),
        "a step while arranged",
      ).toEqual([]);
      if (a.status !== "BROKEN") continue;
      expect(fromDbDate(ended[0].date)).toBe(fromDbDate(a.endedOn!));
      const resumed = onArranged.filter((e) => e.at >= ended[0].at).map((e) => e.step);
      for (const step of resumed) expect(order(step)).toBeGreaterThanOrEqual(order(a.resumeStep!));
      if (addDays(fromDbDate(a.endedOn!), 12) < addDays(START, DAYS - 1))
        expect(resumed.length, "the ladder resumes after a break").toBeGreaterThan(0);
    }

    // Auto-pay customers are told when we collect, never asked to pay.
    const autoPay = new Set(people.filter((p) => p.behaviour === "auto-pay").map((p) => p.id));
    for (const e of events.filter((e) => autoPay.has(e.customerId) && e.step === "reminder"))
      expect(e.reason).toMatch(/^auto-pay/);
    // On-time payers and successful auto-pay never go past a reminder.
    const onTime = new Set(people.filter((p) => p.behaviour === "on-time").map((p) => p.id));
    expect(events.filter((e) => onTime.has(e.customerId) && e.step !== "reminder")).toEqual([]);

    // The books balance: each ledger balance = invoices − credit notes − payments (+ reversals).
    for (const id of ids) {
      const [invoices, voided, notes, payments] = await Promise.all([
        db.invoice.aggregate({
          where: { customerId: id, status: { not: "DRAFT" } },
          _sum: { total: true },
        }),
        db.invoice.aggregate({ where: { customerId: id, status: "VOID" }, _sum: { total: true } }),
        db.creditNote.aggregate({ where: { customerId: id }, _sum: { total: true } }),
        db.payment.aggregate({
          where: { customerId: id, status: "SUCCEEDED" },
          _sum: { amount: true },
        }),
      ]);
      const { balance } = await getCustomerBalance({ customerId: id, actor: SYSTEM });
      expect(balance).toBe(
        (invoices._sum.total ?? 0) -
          (voided._sum.total ?? 0) -
          (notes._sum.total ?? 0) -
          (payments._sum.amount ?? 0),
      );
    }
  },
);
