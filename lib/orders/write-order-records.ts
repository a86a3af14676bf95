// The rows one order creates, written inside placeOrder's transaction: addresses, customer with
// portal user, order, pending subscriptions (billing starts at activation) and payment method.
// When the email already belongs to a login, the customer gets no login of its own and the order
// is held for that login's owner (lib/orders/README.md).
import "server-only";
import type { Tx } from "@/lib/db";
import type { CycleMode } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encryptSecret } from "@/lib/crypto/encrypt";
import type { BankAccount } from "@/lib/payment-methods/bank-account";
import type { VerifiedCard } from "@/lib/payment-methods/verify-setup-intent";
import type { Quote } from "./build-quote";
import type { FeasibilityAssessment } from "./assess-feasibility";
import { INSTALL_SLOTS, type Checkout } from "./checkout-schema";

type Input = {
  checkout: Checkout;
  quote: Quote;
  /** Null when the email already belongs to a login: no second login is made for it. */
  passwordHash: string | null;
  heldForUserId: string | null;
  /** A signed-in customer ordering another service: the order goes on their account. */
  existingCustomerId: string | null;
  feasibility: FeasibilityAssessment;
  checkoutHash: string;
  accountNumber: string;
  orderNumber: string;
  country: string;
  cycleMode: CycleMode;
  bank: BankAccount | null;
  card: VerifiedCard | null;
  mandateText: string | null;
  signedAt: Date;
};

export async function writeOrderRecords(tx: Tx, i: Input) {
  const { details: d, payment } = i.checkout;
  const { line1, line2, suburb, city, postalCode } = d.serviceAddress;
  const { lat, lng } = i.feasibility;
  const serviceAddress = await tx.address.create({
    data: { line1, line2, suburb, city, postalCode, country: i.country, lat, lng },
    select: { id: true },
  });
  const customer = i.existingCustomerId
    ? await existingCustomer(tx, i)
    : await newCustomer(tx, i, serviceAddress.id);
  const order = await tx.order.create({
    data: {
      number: i.orderNumber,
      customerId: customer.id,
      idempotencyKey: i.checkout.idempotencyKey,
      serviceAddressId: serviceAddress.id,
      installPreference:
        INSTALL_SLOTS[d.installSlot] + (d.installNotes ? ` — ${d.installNotes}` : ""),
      quote: { ...i.quote, paymentKind: payment.kind } as unknown as Prisma.InputJsonValue,
      feasibility: i.feasibility.feasibility,
      feasibilityNote: i.feasibility.note,
      serviceableAddressId: i.feasibility.serviceableAddressId,
      heldForUserId: i.heldForUserId,
      checkoutHash: i.checkoutHash,
    },
    select: { id: true, number: true },
  });
  // Subscriptions wait in PENDING without a start date: the billing engine ignores them until
  // activation sets the start date, so nobody pays for a line that is not installed yet.
  // The setup fee is locked in from the quote, like the price: a catalogue change before
  // activation does not change what the customer agreed to pay.
  const setupFee = (productId: string) =>
    i.quote.lines.find((l) => l.kind === "SETUP" && l.productId === productId)?.amount ?? 0;
  const sub = (
    productId: string,
    price: number,
    interval: Quote["plan"]["interval"],
    parentId: string | null,
  ) =>
    tx.subscription.create({
      data: {
        customerId: customer.id,
        productId,
        orderId: order.id,
        parentId,
        status: "PENDING",
        serviceAddressId: serviceAddress.id,
        price,
        setupFee: setupFee(productId),
        interval,
        cycleMode: i.cycleMode,
      },
      select: { id: true },
    });
  const recurring = i.quote.lines.filter((l) => l.kind === "RECURRING");
  const planLine = recurring.find((l) => l.productId === i.quote.plan.id)!;
  const planSub = await sub(planLine.productId, planLine.amount, planLine.interval!, null);
  for (const l of recurring.filter((x) => x !== planLine))
    await sub(l.productId, l.amount, l.interval!, planSub.id);

  // An existing account keeps the way it pays today; the method given here is added beside it.
  const keepDefault =
    i.existingCustomerId !== null &&
    (await tx.paymentMethod.count({ where: { customerId: customer.id, isDefault: true } })) > 0;
  let mandateReference: string | null = null;
  if (payment.kind === "DEBIT_ORDER" && i.bank) {
    mandateReference = `${i.accountNumber}-${i.orderNumber}`;
    await tx.paymentMethod.create({
      data: {
        customerId: customer.id,
        kind: "DEBIT_ORDER",
        isDefault: keepDefault ? false : true,
        mandate: {
          create: {
            customerId: customer.id,
            accountHolder: payment.accountHolder,
            accountNumberEnc: encryptSecret(i.bank.accountNumber),
            accountLast4: i.bank.last4,
            bankCode: i.bank.branchCode,
            mandateReference,
            mandateText: i.mandateText ?? "",
            signedAt: i.signedAt,
          },
        },
      },
    });
  } else if (payment.kind === "CARD" && i.card) {
    await tx.paymentMethod.create({
      data: {
        customerId: customer.id,
        kind: "CARD",
        isDefault: keepDefault ? false : true,
        stripePaymentMethodId: i.card.stripePaymentMethodId,
        cardBrand: i.card.brand,
        cardLast4: i.card.last4,
        cardExpMonth: i.card.expMonth,
        cardExpYear: i.card.expYear,
      },
    });
  } else {
    await tx.paymentMethod.create({
      data: { customerId: customer.id, kind: "EFT", isDefault: !keepDefault },
    });
  }
  return {
    customerId: customer.id,
    orderId: order.id,
    orderNumber: order.number,
    planSubscriptionId: planSub.id,
    mandateReference,
  };
}

async function newCustomer(tx: Tx, i: Input, serviceAddressId: string) {
  const d = i.checkout.details;
  const billingAddress =
    d.billingSameAsService || !d.billingAddress
      ? { id: serviceAddressId }
      : await tx.address.create({
          data: { ...d.billingAddress, country: i.country },
          select: { id: true },
        });
  return tx.customer.create({
    data: {
      accountNumber: i.accountNumber,
      paymentReference: i.accountNumber,
      type: d.customerType,
      status: "PROSPECT",
      firstName: d.firstName,
      lastName: d.lastName,
      companyName: d.customerType === "BUSINESS" ? d.companyName : null,
      email: d.email,
      phone: d.phone,
      idNumber: d.idNumber,
      taxNumber: d.taxNumber,
      billingAddressId: billingAddress.id,
      currency: i.quote.currency,
      marketingOptIn: d.marketingOptIn,
      termsAcceptedAt: i.signedAt,
      privacyAcceptedAt: i.signedAt,
      stripeCustomerId: i.card?.stripeCustomerId ?? null,
      user: i.passwordHash
        ? {
            create: {
              email: d.email,
              name: `${d.firstName} ${d.lastName}`,
              role: "CUSTOMER",
              passwordHash: i.passwordHash,
            },
          }
        : undefined,
    },
    select: { id: true },
  });
}

/** The signed-in customer's account: consents renewed with this signature, card customer kept. */
async function existingCustomer(tx: Tx, i: Input) {
  const c = await tx.customer.findUniqueOrThrow({
    where: { id: i.existingCustomerId! },
    select: { id: true, stripeCustomerId: true },
  });
  await tx.customer.update({
    where: { id: c.id },
    data: {
      termsAcceptedAt: i.signedAt,
      privacyAcceptedAt: i.signedAt,
      ...(i.card && !c.stripeCustomerId ? { stripeCustomerId: i.card.stripeCustomerId } : {}),
    },
  });
  return { id: c.id };
}
