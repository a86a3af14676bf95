// Online sign-up, step 7: one transaction creates the customer, portal user, order, pending
// subscriptions, signed contract and payment method, or nothing at all. The idempotency key
// makes a double submit, back button or refresh return the order already placed; the same key
// with other details is refused. A known email gets the same answer as a new one (README).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { takeNumber } from "@/lib/numbering/take-numbers";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { publish } from "@/lib/events/publish";
import { orderPlaced } from "@/lib/events/events";
import { appUrl } from "@/lib/env";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { canonicalJson, documentHash, sha256 } from "@/lib/contracts/contract-hash";
import { renderContractPdf } from "@/lib/contracts/contract-pdf";
import { formatSignedAt } from "@/lib/contracts/format-signed-at";
import { assertSignaturePng } from "@/lib/contracts/assert-signature-png";
import { checkoutSchema, type Checkout, type CheckoutInput } from "./checkout-schema";
import { prepareOrder } from "./prepare-order";
import { writeOrderRecords } from "./write-order-records";
import { orderConfirmationEmail } from "./order-confirmation-email";
import { heldOrderEmail } from "./held-order-email";
import { assessFeasibility } from "./assess-feasibility";
import { labelStripeCustomer } from "@/lib/payment-methods/label-stripe-customer";

const STOREFRONT: Actor = { kind: "system", name: "storefront" };
export type PlacedOrder = {
  orderId: string;
  orderNumber: string;
  customerId: string;
  created: boolean;
};
export type PlaceOrderOptions = {
  input: CheckoutInput;
  ip: string | null;
  /** The signed-in customer, if any: the order goes on their account (another service). */
  actor?: Actor | null;
  /**
   * A service staff set up for this existing customer (lib/orders/service-requests): the order
   * goes on that account, like a signed-in customer's. The caller has checked who may sign.
   */
  onAccountId?: string;
};

/** The account a signed-in customer orders on; its email must be the one in the checkout. */
async function signedInAccount(opts: PlaceOrderOptions, email: string) {
  const { actor } = opts;
  const customerId =
    opts.onAccountId ??
    (actor?.kind === "user" && actor.role === "CUSTOMER" ? actor.customerId : null);
  if (!customerId) return null;
  const c = await db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, accountNumber: true, email: true, firstName: true },
  });
  if (!c) return null;
  if (c.email !== email)
    throw new AppError(
      "VALIDATION",
      `You are signed in as ${c.email}: the order goes on that account.`,
      {
        "details.email": `Signed in as ${c.email}`,
      },
    );
  return c;
}

/** The checkout as placed, minus the password (it only makes the login, on first placement). */
const checkoutHash = ({ details: { password: _password, ...details }, ...rest }: Checkout) =>
  sha256(canonicalJson({ ...rest, details }));

/** The order already placed under this key, if any; the same key with other details is refused. */
async function existing(tx: Tx, key: string, hash: string): Promise<PlacedOrder | null> {
  const o = await tx.order.findUnique({
    where: { idempotencyKey: key },
    select: { id: true, number: true, customerId: true, checkoutHash: true },
  });
  if (!o) return null;
  if (o.checkoutHash && o.checkoutHash !== hash)
    throw new AppError(
      "UNPROCESSABLE",
      "This checkout was already used for an order with other details. Start a new order to change anything.",
    );
  return { orderId: o.id, orderNumber: o.number, customerId: o.customerId, created: false };
}

const isUniqueViolation = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export async function placeOrder(opts: PlaceOrderOptions): Promise<PlacedOrder> {
  const checkout = checkoutSchema.parse(opts.input);
  const requestHash = checkoutHash(checkout);
  const again = await existing(db, checkout.idempotencyKey, requestHash);
  if (again) return again;
  // A staff-made request is bounded by its own row (signed once); strangers by their IP.
  if (!opts.onAccountId) await enforceRateLimit(`checkout:ip:${opts.ip ?? "unknown"}`, 20, 60 * 60);

  const prepared = await prepareOrder(opts.input);
  const { signature, details } = checkout;
  if (signature.contentHash !== prepared.contentHash) {
    throw new AppError(
      "CONFLICT",
      "The agreement changed since you read it (for example a price or a detail you edited). Please read it again and sign.",
    );
  }
  if (signature.method === "DRAWN") assertSignaturePng(signature.image!);
  const account = await signedInAccount(opts, details.email);
  if (!account && !details.password)
    throw new AppError("VALIDATION", "Choose a password for your online account.", {
      "details.password": "Choose a password",
    });
  const { settings, quote, content } = prepared;
  const feasibility = await assessFeasibility({
    address: details.serviceAddress,
    planCode: quote.plan.code,
  });
  // Hashed whether or not the email is known, so both answers take the same time.
  const passwordHash = account ? null : await hashPassword(details.password!);
  const signedAt = now();
  const signatureData = signature.method === "DRAWN" ? signature.image! : signature.typed!;
  const hash = documentHash({
    content,
    signerName: signature.signerName,
    signature: signatureData,
    signedAt,
    ip: opts.ip,
  });

  const write = () =>
    db.$transaction(
      async (tx): Promise<PlacedOrder> => {
        // Same-key submits queue here; the loser then finds the winner's order.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`checkout:${checkout.idempotencyKey}`}))`;
        const raced = await existing(tx, checkout.idempotencyKey, requestHash);
        if (raced) return raced;
        // Signed in, the order is theirs: nothing is held for a login (README: known emails).
        const owner = account
          ? null
          : await tx.user.findUnique({
              where: { email: details.email },
              select: { id: true, name: true, role: true },
            });
        const accountNumber = account?.accountNumber ?? (await takeNumber(tx, "CUSTOMER"));
        const orderNumber = await takeNumber(tx, "ORDER");
        const rec = await writeOrderRecords(tx, {
          checkout,
          quote,
          passwordHash: owner ? null : passwordHash,
          heldForUserId: owner?.id ?? null,
          existingCustomerId: account?.id ?? null,
          feasibility,
          checkoutHash: requestHash,
          accountNumber,
          orderNumber,
          country: settings.country,
          cycleMode: settings.cycleMode,
          bank: prepared.bank,
          card: prepared.card,
          mandateText: content.payment.mandateText,
          signedAt,
        });
        const pdf = await renderContractPdf(content, {
          signerName: signature.signerName,
          signatureImage: signature.method === "DRAWN" ? signature.image! : null,
          typedSignature: signature.method === "TYPED" ? signature.typed! : null,
          signedAtLabel: formatSignedAt(signedAt, settings),
          signedAtIso: signedAt.toISOString(),
          ip: opts.ip,
          orderNumber,
          accountNumber,
          mandateReference: rec.mandateReference,
          documentHash: hash,
          brandColor: settings.brandColor,
        });
        const contract = await tx.contract.create({
          data: {
            customerId: rec.customerId,
            orderId: rec.orderId,
            templateId: prepared.templateId,
            content: content as unknown as Prisma.InputJsonValue,
            signerName: signature.signerName,
            signatureImage: signature.method === "DRAWN" ? signature.image : null,
            typedSignature: signature.method === "TYPED" ? signature.typed : null,
            signedAt,
            signerIp: opts.ip,
            documentHash: hash,
            pdf: new Uint8Array(pdf),
          },
          select: { id: true },
        });
        const mail = owner
          ? heldOrderEmail({
              ispName: settings.name,
              ownerName: owner.name,
              ownerIsStaff: owner.role !== "CUSTOMER",
              orderNumber,
              planName: quote.plan.name,
              serviceAddress: content.serviceAddress,
              confirmUrl: `${appUrl()}/order/confirm/${rec.orderId}`,
            })
          : orderConfirmationEmail({
              ispName: settings.name,
              firstName: details.firstName,
              email: details.email,
              orderNumber,
              accountNumber,
              quote,
              locale: settings.locale,
              serviceAddress: content.serviceAddress,
              paymentMethod: `${content.payment.method}: ${content.payment.details}`,
              portalUrl: `${appUrl()}/portal`,
            });
        await enqueueEmail(
          {
            to: details.email,
            ...mail,
            customerId: rec.customerId,
            dedupeKey: `order.placed:${rec.orderId}`,
            attachments: owner
              ? []
              : [
                  {
                    filename: `${content.title} ${orderNumber}.pdf`,
                    contentBase64: pdf.toString("base64"),
                    contentType: "application/pdf",
                  },
                ],
          },
          tx,
        );
        const audit = {
          actor: account && opts.actor ? opts.actor : STOREFRONT,
          customerId: rec.customerId,
          ip: opts.ip,
        };
        await recordAudit(
          {
            ...audit,
            action: "order.place",
            entityType: "Order",
            entityId: rec.orderId,
            data: {
              number: orderNumber,
              total: quote.totals.firstInvoice.totalAmount,
              feasibility: feasibility.feasibility,
              heldForUserId: owner?.id ?? null,
              existingCustomer: Boolean(account),
            },
          },
          tx,
        );
        await recordAudit(
          {
            ...audit,
            action: "contract.sign",
            entityType: "Contract",
            entityId: contract.id,
            data: { documentHash: hash, method: signature.method },
          },
          tx,
        );
        return { orderId: rec.orderId, orderNumber, customerId: rec.customerId, created: true };
      },
      { timeout: 30_000 },
    );
  // A unique violation is a same-key race lost outside the lock, or a first order for the same
  // new email committed meanwhile (its login now exists): the second attempt sees either.
  const placed = await write().catch((e: unknown) =>
    isUniqueViolation(e) ? write() : Promise.reject(e),
  );
  if (placed.created) {
    await publish(
      orderPlaced.create({ orderId: placed.orderId, customerId: placed.customerId }),
    ).catch((err) =>
      logger.error({ err, orderId: placed.orderId }, "orders/order.placed publish failed"),
    );
    if (prepared.card) {
      const { accountNumber } = await db.customer.findUniqueOrThrow({
        where: { id: placed.customerId },
        select: { accountNumber: true },
      });
      await labelStripeCustomer({
        stripeCustomerId: prepared.card.stripeCustomerId,
        name: `${details.firstName} ${details.lastName}`,
        email: details.email,
        accountNumber,
      });
    }
  }
  return placed;
}
