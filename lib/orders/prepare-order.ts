// Everything placement and the contract preview share: validate the checkout, price it from the
// catalogue, confirm the plan is sold at the service address, check the payment method and
// render the agreement. Both call this, so the contract previewed is the contract stored.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { checkFeasibility } from "@/lib/coverage/check-feasibility";
import { contentHash } from "@/lib/contracts/contract-hash";
import { renderContract, type PaymentSummary } from "@/lib/contracts/render-contract";
import {
  maskAccount,
  normalizeBankAccount,
  type BankAccount,
} from "@/lib/payment-methods/bank-account";
import { mandateText } from "@/lib/payment-methods/mandate-text";
import { isCardPaymentEnabled } from "@/lib/payment-methods/stripe-client";
import { verifySetupIntent, type VerifiedCard } from "@/lib/payment-methods/verify-setup-intent";
import { contractDraftSchema, type ContractDraft } from "./checkout-schema";
import { quoteBasket } from "./quote-basket";

const invalid = (fields: Record<string, string>, message = "Some fields are not valid.") =>
  new AppError("VALIDATION", message, fields);

export async function prepareOrder(input: ContractDraft) {
  const draft = contractDraftSchema.parse(input);
  const { details, payment, basket } = draft;
  const settings = await getSettings();
  if (settings.requireIdNumber && !details.idNumber) {
    throw invalid({
      "details.idNumber":
        details.customerType === "BUSINESS"
          ? "Enter the company registration number"
          : "Enter your ID or passport number",
    });
  }
  const quote = await quoteBasket({ basket });
  const offered = await checkFeasibility({
    lat: details.serviceAddress.lat,
    lng: details.serviceAddress.lng,
  });
  const planCodes = offered.technologies.flatMap((t) => t.plans.map((p) => p.code));
  if (!planCodes.includes(quote.plan.code))
    throw invalid(
      { "basket.planCode": "Not available at this address" },
      `${quote.plan.name} is not available at the service address.`,
    );
  const addonCodes = offered.addons.map((a) => a.code);
  const unavailable = quote.lines.filter(
    (l) => l.productId !== quote.plan.id && !addonCodes.includes(l.code),
  );
  if (unavailable.length)
    throw invalid(
      { "basket.addonCodes": "Not available at this address" },
      `Not available at this address: ${unavailable.map((l) => l.description).join(", ")}.`,
    );

  const creditor = settings.legalName ?? settings.name;
  let bank: BankAccount | null = null;
  let card: VerifiedCard | null = null;
  let summary: PaymentSummary;
  if (payment.kind === "DEBIT_ORDER") {
    try {
      bank = normalizeBankAccount(payment);
    } catch (e) {
      if (e instanceof AppError && e.fields)
        throw invalid(
          Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`payment.${k}`, v])),
        );
      throw e;
    }
    const masked = maskAccount(bank.last4);
    summary = {
      method: "Debit order",
      details: [
        `Account holder ${payment.accountHolder}`,
        `${bank.isIban ? "IBAN" : "account"} ${masked}`,
        payment.bankName,
        bank.branchCode && `branch ${bank.branchCode}`,
      ]
        .filter(Boolean)
        .join(", "),
      mandateText: mandateText({ creditor, accountHolder: payment.accountHolder, masked }),
    };
  } else if (payment.kind === "CARD") {
    if (!isCardPaymentEnabled())
      throw invalid({ "payment.kind": "Card payments are not available" });
    card = await verifySetupIntent({
      setupIntentId: payment.setupIntentId,
      checkoutKey: draft.idempotencyKey,
    });
    summary = {
      method: "Card",
      details: `${card.brand ?? "Card"} ending ${card.last4 ?? "????"}, saved with Stripe for recurring charges`,
      mandateText: null,
    };
  } else {
    summary = {
      method: "EFT (bank transfer)",
      details: `Pay each invoice to ${settings.bankAccountName ?? creditor}${settings.bankName ? ` at ${settings.bankName}` : ""}, quoting your account number as the reference.`,
      mandateText: null,
    };
  }

  const template = await db.contractTemplate.findFirst({ orderBy: { version: "desc" } });
  if (!template) throw new AppError("SETUP_REQUIRED", "No contract template is set up.");
  const { password: _password, ...shown } = details;
  const content = renderContract({
    template,
    isp: settings,
    details: shown,
    quote,
    payment: summary,
  });
  return {
    draft,
    settings,
    quote,
    content,
    contentHash: contentHash(content),
    templateId: template.id,
    bank,
    card,
  };
}
