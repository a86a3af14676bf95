// What a suspended customer's browser sees on the walled-garden page: the ISP's name, what must
// be paid and why, and a pay link — after a signed pay link or account number + PIN. Nothing
// else about the customer is shown. Lookups by PIN are rate-limited per address and per account.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { payLinkUrl, readPayLinkToken } from "@/lib/payments/pay-link";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { pinMatches } from "./account-pin";
import { getDunningPolicies } from "./get-dunning-policies";
import { mustPayTx } from "./restore-if-cleared-tx";

export type WalledGarden = {
  ispName: string;
  amount: number;
  currency: string;
  reason: string;
  payUrl: string | null;
  suspended: boolean;
};

export type GetWalledGardenOptions =
  { token: string } | { accountNumber: string; pin: string; ip: string };

const NOT_FOUND = () =>
  new AppError("NOT_FOUND", "We could not find that account, or the PIN does not match.");

export async function getWalledGarden(opts: GetWalledGardenOptions): Promise<WalledGarden> {
  let customerId: string;
  if ("token" in opts) {
    const link = readPayLinkToken(opts.token);
    if (!link || link.expired) throw new AppError("NOT_FOUND", "This link is not valid any more.");
    const invoice = await db.invoice.findUnique({
      where: { id: link.invoiceId },
      select: { customerId: true },
    });
    if (!invoice) throw new AppError("NOT_FOUND", "This link is not valid any more.");
    customerId = invoice.customerId;
  } else {
    await enforceRateLimit(`walled-garden:ip:${opts.ip}`, 10, 900);
    await enforceRateLimit(`walled-garden:account:${opts.accountNumber.toUpperCase()}`, 5, 900);
    const customer = await db.customer.findUnique({
      where: { accountNumber: opts.accountNumber },
      select: { id: true },
    });
    if (!customer || !pinMatches(customer.id, opts.pin)) throw NOT_FOUND();
    customerId = customer.id;
  }
  const [customer, isp] = await Promise.all([
    db.customer.findUniqueOrThrow({
      where: { id: customerId },
      select: { type: true, currency: true, dunning: { select: { state: true } } },
    }),
    db.ispSettings.findUniqueOrThrow({ where: { id: 1 }, select: { name: true } }),
  ]);
  const policy = (await getDunningPolicies())[customer.type];
  const amount = await mustPayTx(db, customerId, await todayForIsp(), policy.feesInMustPay);
  const [last, oldest] = await Promise.all([
    db.dunningEvent.findFirst({
      where: { customerId },
      orderBy: { at: "desc" },
      select: { reason: true },
    }),
    db.invoice.findFirst({
      where: { customerId, status: { in: ["OPEN", "PARTIALLY_PAID"] } },
      orderBy: [{ dueDate: "asc" }, { issueDate: "asc" }],
      select: { id: true },
    }),
  ]);
  const state = customer.dunning?.state ?? "CURRENT";
  return {
    ispName: isp.name,
    amount,
    currency: customer.currency,
    reason: last?.reason ?? "Nothing is overdue on this account.",
    payUrl: oldest ? payLinkUrl({ invoiceId: oldest.id }) : null,
    suspended: state === "SOFT_SUSPENDED" || state === "SUSPENDED" || state === "COLLECTIONS",
  };
}
