// The reads app/portal/page.tsx makes for one customer, in parallel as the page makes them.
import type { Actor } from "../lib/auth/roles";
import { getCustomerOverview } from "../lib/customers/get-customer-overview";
import { getCustomerBalance } from "../lib/ledger/get-customer-balance";
import { getPaymentInstructions } from "../lib/payment-methods/get-payment-instructions";
import { listMyServices } from "../lib/portal/list-my-services";
import { listDueInvoices } from "../lib/portal/list-due-invoices";
import { estimateNextInvoice } from "../lib/billing/estimate-next-invoice";
import { todayForIsp } from "../lib/billing/billing-settings";
import { getBranding } from "../lib/settings/get-branding";

export async function loadPortalDashboard(customerId: string) {
  const actor: Actor = { kind: "user", id: "bench", role: "CUSTOMER", name: "Bench", customerId };
  const who = { actor, customerId };
  return Promise.all([
    getCustomerOverview(who),
    getBranding(),
    getCustomerBalance(who),
    getPaymentInstructions(who),
    listMyServices(who),
    listDueInvoices(who),
    estimateNextInvoice(who),
    todayForIsp(),
  ]);
}
