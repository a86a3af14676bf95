// Staff set up a service by hand for an existing customer (walk-in or phone sale): the same
// pricing, coverage check, payment validation and agreement as the storefront (prepareOrder),
// kept as a request that waits for the customer's signature. Nothing is ordered, installed or
// billed until it is signed (sign-service-request.ts); until then it can be cancelled.
import "server-only";
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { addDays, dateInZone, toDbDate } from "@/lib/time/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prepareOrder } from "../prepare-order";
import { assessFeasibility } from "../assess-feasibility";
import {
  createServiceRequestSchema,
  type CreateServiceRequestInput,
} from "./service-request-schema";
import {
  DRAFT_CUSTOMER_SELECT,
  sealPayment,
  toContractDraft,
  type StoredDraft,
} from "./service-request-draft";
import { issueSigningLink, SIGNING_DAYS } from "./issue-signing-link";

export type CreateServiceRequestOptions = CreateServiceRequestInput & { actor: Actor };

/** The customer's fields an agreement needs, as the edit form names them. */
const CUSTOMER_FIELDS: Record<string, string> = {
  idNumber: "ID number",
  phone: "phone number",
  email: "email",
  companyName: "company name",
  firstName: "first name",
  lastName: "last name",
};

/** prepareOrder speaks the checkout's field names; this form has its own. */
function renameFields(e: unknown): never {
  const given =
    e instanceof ZodError
      ? Object.fromEntries(e.issues.map((i) => [i.path.join("."), i.message]))
      : e instanceof AppError
        ? e.fields
        : undefined;
  if (!given) throw e;
  const fields: Record<string, string> = {};
  const missing: string[] = [];
  for (const [k, v] of Object.entries(given)) {
    if (k.startsWith("details.serviceAddress.")) fields[k.slice("details.".length)] = v;
    else if (k.startsWith("details.")) {
      const field = k.slice("details.".length);
      missing.push(CUSTOMER_FIELDS[field] ?? field);
    } else fields[k] = v;
  }
  if (missing.length)
    throw new AppError(
      "VALIDATION",
      `The agreement needs the customer's ${missing.join(", ")}: add it under Edit contact details first.`,
      fields,
    );
  throw e instanceof AppError
    ? new AppError(e.code, e.message, fields)
    : new AppError("VALIDATION", "Some fields are not valid.", fields);
}

export async function createServiceRequest(opts: CreateServiceRequestOptions) {
  assertCan(opts.actor, "orders:write");
  const input = createServiceRequestSchema.parse(opts);
  const customer = await db.customer.findUnique({
    where: { id: input.customerId },
    select: {
      ...DRAFT_CUSTOMER_SELECT,
      id: true,
      status: true,
      user: { select: { active: true } },
    },
  });
  if (!customer) throw notFound("Customer");
  if (customer.status === "CLOSED")
    throw new AppError("CONFLICT", "This account is closed: reopen it before adding a service.");
  if (input.payment.kind === "CARD_LINK" && !customer.user?.active)
    throw new AppError(
      "VALIDATION",
      "The card link opens the customer's portal, and this customer has no active portal login.",
      { "payment.kind": "Record a debit order or EFT, or give the customer portal access first" },
    );

  const settings = await getSettings();
  const today = dateInZone(now(), settings.timeZone);
  // Activation happens at signing and accepts dates within a month of that day: a start up to
  // two weeks back (installed, paperwork late) or a month ahead stays valid while the request
  // waits its SIGNING_DAYS.
  if (input.startDate < addDays(today, -SIGNING_DAYS) || input.startDate > addDays(today, 31))
    throw new AppError(
      "VALIDATION",
      "The start date must be within two weeks before or a month after today.",
      {
        startDate: `Between ${addDays(today, -SIGNING_DAYS)} and ${addDays(today, 31)}`,
      },
    );

  const stored: StoredDraft = {
    basket: input.basket,
    idempotencyKey: randomUUID(),
    serviceAddress: input.serviceAddress,
    installSlot: input.installSlot,
    installNotes: input.installNotes,
    payment: sealPayment(input.payment),
  };
  const prepared = await prepareOrder(toContractDraft(stored, customer)).catch(renameFields);
  const feasibility = await assessFeasibility({
    address: input.serviceAddress,
    planCode: prepared.quote.plan.code,
  });
  if (feasibility.feasibility === "UNVERIFIED" && !input.feasibilityNote)
    throw new AppError("VALIDATION", `The address could not be verified: ${feasibility.note}`, {
      feasibilityNote: "Say how you know this address can be served",
    });

  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.create({
      data: {
        customerId: customer.id,
        draft: stored as unknown as Prisma.InputJsonValue,
        planName: prepared.quote.plan.name,
        startDate: toDbDate(input.startDate),
        cardLink: input.payment.kind === "CARD_LINK",
        feasibilityNote: feasibility.feasibility === "UNVERIFIED" ? input.feasibilityNote : null,
        createdById: opts.actor.kind === "user" ? opts.actor.id : null,
      },
      select: { id: true, customerId: true, planName: true, createdAt: true },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "service_request.create",
        entityType: "ServiceRequest",
        entityId: request.id,
        customerId: customer.id,
        data: {
          plan: prepared.quote.plan.code,
          addons: input.basket.addonCodes ?? [],
          startDate: input.startDate,
          payment: input.payment.kind,
          signing: input.signing,
          feasibility: feasibility.feasibility,
        },
      },
      tx,
    );
    if (input.signing === "EMAIL_LINK") await issueSigningLink(tx, { ...request, customer });
    return { id: request.id, status: "AWAITING_SIGNATURE" as const };
  });
}
