// Online sign-up, step 7: one transaction creates the customer, portal user, order, pending
// subscriptions, signed contract and payment method, or nothing at all. The idempotency key
// makes a double submit, back button or refresh return the order already placed.
import "server-only";
import { db } from "@/lib/db";
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
import { now } from "@/lib/time/clock";
import { documentHash } from "@/lib/contracts/contract-hash";
import { renderContractPdf } from "@/lib/contracts/contract-pdf";
import { assertSignaturePng } from "@/lib/contracts/assert-signature-png";
import { checkoutSchema, type CheckoutInput } from "./checkout-schema";
import { prepareOrder } from "./prepare-order";
import { writeOrderRecords } from "./write-order-records";
import { orderConfirmationEmail } from "./order-confirmation-email";
import { labelStripeCustomer } from "@/lib/payment-methods/label-stripe-customer";
import { logger } from "@/lib/log";

const STOREFRONT: Actor = { kind: "system", name: "storefront" };
export type PlacedOrder = {
  orderId: string;
  orderNumber: string;
  customerId: string;
  created: boolean;
};

async function existing(key: string): Promise<PlacedOrder | null> {
  const o = await db.order.findUnique({
    where: { idempotencyKey: key },
    select: { id: true, number: true, customerId: true },
  });
  return o && { orderId: o.id, orderNumber: o.number, customerId: o.customerId, created: false };
}

const emailTaken = () =>
  new AppError(
    "CONFLICT",
    "An account with this email already exists. Sign in to your account to order another service.",
    { "details.email": "Already registered: sign in instead" },
  );

export async function placeOrder(opts: {
  input: CheckoutInput;
  ip: string | null;
}): Promise<PlacedOrder> {
  const checkout = checkoutSchema.parse(opts.input);
  const again = await existing(checkout.idempotencyKey);
  if (again) return again;
  await enforceRateLimit(`checkout:ip:${opts.ip ?? "unknown"}`, 20, 60 * 60);

  const prepared = await prepareOrder(opts.input);
  const { signature, details } = checkout;
  if (signature.contentHash !== prepared.contentHash) {
    throw new AppError(
      "CONFLICT",
      "The agreement changed since you read it (for example a price or a detail you edited). Please read it again and sign.",
    );
  }
  if (signature.method === "DRAWN") assertSignaturePng(signature.image!);
  if (await db.user.findUnique({ where: { email: details.email }, select: { id: true } }))
    throw emailTaken();
  const passwordHash = await hashPassword(details.password);
  const signedAt = now();
  const { settings, quote, content } = prepared;
  const signatureData = signature.method === "DRAWN" ? signature.image! : signature.typed!;
  const hash = documentHash({
    content,
    signerName: signature.signerName,
    signature: signatureData,
    signedAt,
    ip: opts.ip,
  });

  let placed: PlacedOrder;
  try {
    placed = await db.$transaction(
      async (tx) => {
        // Same-key submits queue here; the loser then finds the winner's order.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`checkout:${checkout.idempotencyKey}`}))`;
        const raced = await tx.order.findUnique({
          where: { idempotencyKey: checkout.idempotencyKey },
          select: { id: true, number: true, customerId: true },
        });
        if (raced)
          return {
            orderId: raced.id,
            orderNumber: raced.number,
            customerId: raced.customerId,
            created: false,
          };
        const accountNumber = await takeNumber(tx, "CUSTOMER");
        const orderNumber = await takeNumber(tx, "ORDER");
        const rec = await writeOrderRecords(tx, {
          checkout,
          quote,
          passwordHash,
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
          signedAtLabel: new Intl.DateTimeFormat(settings.locale, {
            dateStyle: "long",
            timeStyle: "long",
            timeZone: settings.timeZone,
          }).format(signedAt),
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
        const mail = orderConfirmationEmail({
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
            attachments: [
              {
                filename: `${content.title} ${orderNumber}.pdf`,
                contentBase64: pdf.toString("base64"),
                contentType: "application/pdf",
              },
            ],
          },
          tx,
        );
        const audit = { actor: STOREFRONT, customerId: rec.customerId, ip: opts.ip };
        await recordAudit(
          {
            ...audit,
            action: "order.place",
            entityType: "Order",
            entityId: rec.orderId,
            data: { number: orderNumber, total: quote.totals.firstInvoice.totalAmount },
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
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const found = await existing(checkout.idempotencyKey);
      if (found) return found;
      throw emailTaken();
    }
    throw e;
  }
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
