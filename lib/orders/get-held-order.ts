// An order waiting for the signed-in person to confirm it (placed with their email address), with
// what they need to recognise it. Anyone else gets "not found".
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import type { Quote } from "./build-quote";

export type GetHeldOrderOptions = { actor: Actor; orderId: string };

export async function getHeldOrder(opts: GetHeldOrderOptions) {
  if (opts.actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in first.");
  const order = await db.order.findUnique({
    where: { id: opts.orderId },
    select: {
      id: true,
      number: true,
      status: true,
      heldForUserId: true,
      createdAt: true,
      quote: true,
      serviceAddress: { select: { line1: true, line2: true, suburb: true, city: true } },
      contracts: { select: { signerName: true, signedAt: true } },
    },
  });
  if (!order || order.heldForUserId !== opts.actor.id) throw notFound("Order");
  const { heldForUserId: _held, quote, ...shown } = order;
  return { ...shown, quote: quote as unknown as Quote };
}
