// "Remove demo data": deletes every demo customer and everything that hangs off them, and the
// demo staff logins, in one transaction. Money tables refuse cascades (ON DELETE RESTRICT) and
// finalised invoice lines refuse deletion while their invoice exists, so rows go in dependency
// order and invoice lines leave with their invoice. The catalogue, coverage and settings stay
// for the ISP to edit.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { DEMO_STAFF } from "@/lib/demo/seed-demo";

const DEMO = `SELECT "id" FROM "Customer" WHERE "isDemo"`;

/** The form's safety catch: the person types REMOVE. */
export const removeDemoDataSchema = z.object({
  // Required, not optional: zod skips an absent optional key, refinement and all, so a request
  // without the field would remove everything.
  confirm: z
    .string({ error: "Type REMOVE to confirm" })
    .refine((v) => v.trim().toUpperCase() === "REMOVE", "Type REMOVE to confirm"),
});
export type RemoveDemoDataOptions = { actor: Actor };

export async function removeDemoData({ actor }: RemoveDemoDataOptions) {
  assertCan(actor, "settings:write");
  return db.$transaction(
    async (tx) => {
      const run = (sql: string) => tx.$executeRawUnsafe(sql);
      // Addresses are not owned by one table; remember the demo ones before their users go.
      const addresses = await tx.$queryRawUnsafe<{ id: string }[]>(`
        SELECT "billingAddressId" AS "id" FROM "Customer" WHERE "isDemo" AND "billingAddressId" IS NOT NULL
        UNION SELECT "serviceAddressId" FROM "Subscription" WHERE "customerId" IN (${DEMO}) AND "serviceAddressId" IS NOT NULL
        UNION SELECT "serviceAddressId" FROM "Order" WHERE "customerId" IN (${DEMO}) AND "serviceAddressId" IS NOT NULL`);

      const counts = {
        ledgerEntries: await run(`DELETE FROM "LedgerEntry" WHERE "customerId" IN (${DEMO})`),
        refunds: await run(
          `DELETE FROM "Refund" WHERE "paymentId" IN (SELECT "id" FROM "Payment" WHERE "customerId" IN (${DEMO}))`,
        ),
        allocations:
          await run(`DELETE FROM "PaymentAllocation" WHERE "paymentId" IN (SELECT "id" FROM "Payment" WHERE "customerId" IN (${DEMO}))
                                  OR "invoiceId" IN (SELECT "id" FROM "Invoice" WHERE "customerId" IN (${DEMO}))`),
        payments: await run(`DELETE FROM "Payment" WHERE "customerId" IN (${DEMO})`),
        creditNotes: await run(
          `DELETE FROM "CreditNote" WHERE "customerId" IN (${DEMO}) OR "invoiceId" IN (SELECT "id" FROM "Invoice" WHERE "customerId" IN (${DEMO}))`,
        ),
        // Lines go by cascade: the line trigger lets a cascade from the invoice's own delete pass.
        invoices: await run(`DELETE FROM "Invoice" WHERE "customerId" IN (${DEMO})`),
        notifications: await run(`DELETE FROM "Notification" WHERE "customerId" IN (${DEMO})`),
        // Signed contracts refuse UPDATE, so they must go before the orders whose deletion
        // would set their orderId to null.
        contracts: await run(`DELETE FROM "Contract" WHERE "customerId" IN (${DEMO})`),
        // Users, contacts, orders, subscriptions, charges, payment methods, mandates and
        // tickets cascade from the customer.
        customers: await run(`DELETE FROM "Customer" WHERE "isDemo"`),
        addresses: 0,
        staff: 0,
      };
      const ids = addresses.map((a) => a.id);
      if (ids.length) {
        counts.addresses = await tx.address
          .deleteMany({
            where: {
              id: { in: ids },
              billingFor: { none: {} },
              subscriptions: { none: {} },
              orders: { none: {} },
            },
          })
          .then((r) => r.count);
      }
      const staffEmails = DEMO_STAFF.map((s) => s.email);
      counts.staff = await tx.user
        .deleteMany({
          where: {
            email: { in: staffEmails },
            ...(actor.kind === "user" && { id: { not: actor.id } }),
          },
        })
        .then((r) => r.count);
      // Start the real numbering at 1 when no demo document is left in a series.
      for (const [code, table] of [
        ["INVOICE", "Invoice"],
        ["CREDIT_NOTE", "CreditNote"],
        ["ORDER", "Order"],
        ["CUSTOMER", "Customer"],
        ["TICKET", "Ticket"],
        ["RECEIPT", "Payment"],
      ] as const) {
        const left = await tx.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS "n" FROM "${table}"`,
        );
        if (left[0].n === 0)
          await tx.numberSeries.updateMany({ where: { code }, data: { nextNumber: 1 } });
      }
      await tx.ispSettings.update({ where: { id: 1 }, data: { hasDemoData: false } });
      await recordAudit(
        { actor, action: "demo.remove", entityType: "IspSettings", entityId: "1", data: counts },
        tx,
      );
      return counts;
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
