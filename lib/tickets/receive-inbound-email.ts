// A reply by email, as the ISP's mail provider forwards it (raw RFC 822). The reply token in the
// subject (or a +ref- address) names the ticket; the sender must be the ticket's customer (or
// one of their contacts), or a colleague who works tickets. The message is stored first by its
// Message-ID, so a provider that retries delivers it once. Quoted history is dropped; files that
// may not be attached are left out and said so in the message.
import "server-only";
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject } from "mailparser";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { addTicketMessage } from "./add-ticket-message";
import { checkAttachments, type IncomingFile } from "./attachment-rules";
import { findReplyToken, replyText } from "./reply-token";

export type ReceiveInboundEmailOptions = { actor: Actor; raw: Buffer };
export type InboundOutcome =
  | { status: "threaded"; ticketNumber: string; messageId: string }
  | { status: "duplicate" }
  | { status: "ignored"; reason: string };

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? ""));

/** Keeps the files a ticket accepts; names the rest. */
function acceptable(files: IncomingFile[]) {
  const ok: IncomingFile[] = [];
  const refused: string[] = [];
  for (const f of files) {
    try {
      if (ok.length < 5) ok.push(...checkAttachments([f]));
      else refused.push(f.filename);
    } catch {
      refused.push(f.filename);
    }
  }
  return { ok, refused };
}

export async function receiveInboundEmail({
  actor,
  raw,
}: ReceiveInboundEmailOptions): Promise<InboundOutcome> {
  if (actor.kind !== "system") throw new AppError("FORBIDDEN", "Inbound mail is a system path.");
  const mail = await simpleParser(raw);
  const externalId = mail.messageId ?? createHash("sha256").update(raw).digest("hex");
  const from = addresses(mail.from)[0]?.toLowerCase() ?? "";
  const existing = await db.webhookEvent.findUnique({
    where: { source_externalId: { source: "email", externalId } },
    select: { processedAt: true },
  });
  if (existing?.processedAt) return { status: "duplicate" };
  if (!existing)
    await db.webhookEvent.upsert({
      where: { source_externalId: { source: "email", externalId } },
      update: {},
      create: {
        source: "email",
        externalId,
        type: "ticket.reply",
        payload: { from, subject: mail.subject ?? "", bytes: raw.length },
      },
    });
  const done = async (outcome: InboundOutcome) => {
    await db.webhookEvent.update({
      where: { source_externalId: { source: "email", externalId } },
      data: { processedAt: now(), error: outcome.status === "ignored" ? outcome.reason : null },
    });
    if (outcome.status === "ignored")
      logger.info({ from, reason: outcome.reason }, "inbound email ignored");
    return outcome;
  };
  const token = findReplyToken(mail.subject ?? "", [...addresses(mail.to), ...addresses(mail.cc)]);
  if (!token) return done({ status: "ignored", reason: "no ticket reference" });
  const ticket = await db.ticket.findUnique({
    where: { replyToken: token },
    select: {
      id: true,
      number: true,
      customer: {
        select: {
          id: true,
          email: true,
          firstName: true,
          lastName: true,
          contacts: { select: { email: true } },
        },
      },
    },
  });
  if (!ticket) return done({ status: "ignored", reason: "unknown ticket reference" });
  const author = await senderActor(from, ticket.customer);
  if (!author) return done({ status: "ignored", reason: "sender is not on this ticket" });
  const { ok, refused } = acceptable(
    mail.attachments.map((a) => ({
      filename: a.filename ?? "attachment",
      contentType: a.contentType,
      content: a.content,
    })),
  );
  const text = replyText(mail.text ?? "");
  const body =
    (text || "(no text)") +
    (refused.length ? `\n\n[Not attached (type or size not accepted): ${refused.join(", ")}]` : "");
  try {
    const message = await addTicketMessage({
      actor: author,
      ticketId: ticket.id,
      body: body.slice(0, 20_000),
      attachments: ok,
      via: "EMAIL",
    });
    return done({ status: "threaded", ticketNumber: ticket.number, messageId: message.id });
  } catch (e) {
    if (e instanceof AppError && e.code !== "NOT_FOUND")
      return done({ status: "ignored", reason: e.message });
    throw e;
  }
}

/**
 * The colleague behind the sender's address (if they work tickets), or the ticket's customer
 * (their own address or a contact's), writing as their portal login when the address is its
 * own; null for anyone else.
 */
async function senderActor(
  from: string,
  customer: {
    id: string;
    email: string;
    firstName: string;
    lastName: string;
    contacts: { email: string | null }[];
  },
): Promise<Actor | null> {
  if (!from) return null;
  const user = await db.user.findFirst({
    where: { email: { equals: from, mode: "insensitive" }, active: true },
    select: { id: true, name: true, role: true, customerId: true },
  });
  if (user && user.role !== "CUSTOMER") {
    const staff: Actor = { kind: "user", id: user.id, name: user.name, role: user.role };
    return can(staff, "tickets:write") ? staff : null;
  }
  const own = [customer.email, ...customer.contacts.map((c) => c.email ?? "")];
  if (!own.some((e) => e.toLowerCase() === from)) return null;
  const login = user?.customerId === customer.id ? user : null;
  return {
    kind: "user",
    role: "CUSTOMER",
    // No portal login (or a contact writing): the message has no author id, only a name.
    id: login?.id ?? "",
    name: login?.name ?? `${customer.firstName} ${customer.lastName}`,
    customerId: customer.id,
  };
}
