// Reads camt.053 (statement), camt.052 (intraday report) and camt.054 (debit/credit
// notification), versions 02–08 and national flavours (Swiss, German, Nordic). Lenient: anything
// that breaks the XSD but leaves the entry unambiguous is read and reported as an oddity.
import { createHash } from "node:crypto";
import { parseAmount } from "../amounts";
import { all, at, attr, one, textAt, type Node } from "./xml-tree";
import { RefusedFile, type EntryTx, type Oddity, type ParsedEntry } from "./types";

const EXPONENTS: Record<string, number> = {
  JPY: 0,
  KRW: 0,
  ISK: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
};
const UETR = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function amountOf(node: Node | undefined, where: string): { amount: number; currency: string } {
  const raw = textAt(node);
  const currency = (attr(node, "Ccy") ?? "").toUpperCase();
  const amount = raw === null ? null : parseAmount(raw, { exponent: EXPONENTS[currency] ?? 2 });
  if (amount === null || !/^[A-Z]{3}$/.test(currency))
    throw new RefusedFile(
      where,
      `amount "${raw ?? ""}" ${currency || "(no currency)"} is not readable`,
    );
  return { amount: Math.abs(amount), currency };
}

export const accountId = (acct: Node | undefined): string | null =>
  (textAt(acct, "Id", "IBAN") ?? textAt(acct, "Id", "Othr", "Id"))
    ?.replace(/\s/g, "")
    .toUpperCase() ?? null;

const partyName = (party: Node | undefined) => textAt(party, "Nm") ?? textAt(party, "Pty", "Nm");

function remittance(tx: Node | undefined, where: string, odd: Oddity[]): string | null {
  const rmt = one(tx, "RmtInf");
  if (!rmt) return null;
  const parts: string[] = [];
  for (const u of all(rmt, "Ustrd")) {
    const t = textAt(u);
    if (!t) continue;
    if (t.length > 140)
      odd.push({ where, what: `remittance text of ${t.length} characters (max 140)` });
    parts.push(t);
  }
  for (const s of all(rmt, "Strd")) {
    const ref = textAt(s, "CdtrRefInf", "Ref");
    if (ref) parts.push(ref);
    for (const a of all(s, "AddtlRmtInf")) if (textAt(a)) parts.push(textAt(a)!);
  }
  return parts.length ? parts.join(" ") : null;
}

function readTx(
  tx: Node,
  where: string,
  direction: string,
  odd: Oddity[],
): EntryTx & { batch: string[] } {
  const refs = one(tx, "Refs");
  const uetr = textAt(refs, "UETR");
  if (uetr && !UETR.test(uetr)) odd.push({ where, what: `UETR "${uetr}" is not a UUID v4` });
  const amtNode =
    at(tx, "Amt") ?? at(tx, "AmtDtls", "TxAmt", "Amt") ?? at(tx, "AmtDtls", "InstdAmt", "Amt");
  const amount = amtNode ? amountOf(amtNode, `${where}/Amt`).amount : null;
  const rtr = one(tx, "RtrInf");
  const parties = one(tx, "RltdPties");
  // The counterparty: who paid us on a credit, whom we paid on a debit.
  const name =
    direction === "CRDT" ? partyName(one(parties, "Dbtr")) : partyName(one(parties, "Cdtr"));
  const e2e = textAt(refs, "EndToEndId");
  return {
    endToEndId: e2e && e2e !== "NOTPROVIDED" ? e2e : null,
    amount,
    reasonCode: textAt(rtr, "Rsn", "Cd") ?? textAt(rtr, "Rsn", "Prtry"),
    reasonText:
      all(rtr, "AddtlInf")
        .map((n) => textAt(n))
        .filter(Boolean)
        .join(" ") || null,
    reference: remittance(tx, where, odd),
    name,
    batch: [textAt(refs, "PmtInfId"), textAt(refs, "MsgId")].filter((x): x is string => !!x),
  };
}

function readEntry(
  ntry: Node,
  where: string,
  account: string,
  index: number,
  odd: Oddity[],
): ParsedEntry {
  const { amount, currency } = amountOf(one(ntry, "Amt"), `${where}/Amt`);
  const cd = textAt(ntry, "CdtDbtInd");
  if (cd !== "CRDT" && cd !== "DBIT")
    throw new RefusedFile(
      `${where}/CdtDbtInd`,
      `credit/debit indicator "${cd ?? ""}" is not CRDT or DBIT`,
    );
  const txs: (EntryTx & { batch: string[] })[] = [];
  const batchRefs: string[] = [];
  for (const [d, details] of all(ntry, "NtryDtls").entries()) {
    const btch = one(details, "Btch");
    for (const r of [textAt(btch, "PmtInfId"), textAt(btch, "MsgId")]) if (r) batchRefs.push(r);
    for (const [t, tx] of all(details, "TxDtls").entries())
      txs.push(readTx(tx, `${where}/NtryDtls[${d + 1}]/TxDtls[${t + 1}]`, cd, odd));
  }
  const txSum = txs.reduce((s, t) => s + (t.amount ?? 0), 0);
  if (txs.length > 1 && txs.every((t) => t.amount !== null) && txSum !== amount)
    odd.push({ where, what: `transaction amounts add up to ${txSum}, the entry says ${amount}` });
  for (const t of txs) batchRefs.push(...t.batch);
  const addtl = textAt(ntry, "AddtlNtryInf");
  const single = txs.length === 1 ? txs[0] : undefined;
  const ref = textAt(ntry, "AcctSvcrRef") ?? textAt(ntry, "NtryRef") ?? single?.endToEndId ?? null;
  const bookingDate =
    textAt(ntry, "BookgDt", "Dt") ??
    textAt(ntry, "BookgDt", "DtTm")?.slice(0, 10) ??
    textAt(ntry, "ValDt", "Dt");
  const fallback = createHash("sha256")
    .update([account, bookingDate, cd, amount, currency, addtl, index].join("|"))
    .digest("hex")
    .slice(0, 32);
  const isReturn = textAt(ntry, "RvslInd") === "true" || txs.some((t) => t.reasonCode);
  return {
    bankRef: `${account}:${ref ?? `h:${fallback}`}`,
    direction: cd === "CRDT" ? "CREDIT" : "DEBIT",
    amount,
    currency,
    bookingDate: bookingDate && /^\d{4}-\d{2}-\d{2}$/.test(bookingDate) ? bookingDate : null,
    isReturn,
    reference: [single?.reference, addtl].filter(Boolean).join(" ") || null,
    name: single?.name ?? null,
    batchRefs,
    txs: txs.map(({ batch: _batch, ...t }) => t),
  };
}

/** Statements/reports/notifications of a camt document: `Stmt`, `Rpt` or `Ntfctn` blocks. */
export function readCamt(root: Node, blockName: "Stmt" | "Rpt" | "Ntfctn", rootName: string) {
  const odd: Oddity[] = [];
  const entries: ParsedEntry[] = [];
  const accounts = new Set<string>();
  const blocks = all(root, blockName);
  for (const [b, block] of blocks.entries()) {
    const where = `${rootName}/${blockName}[${b + 1}]`;
    const account = accountId(one(block, "Acct"));
    if (!account) throw new RefusedFile(`${where}/Acct`, "the account has no IBAN or other id");
    accounts.add(account);
    for (const [n, ntry] of all(block, "Ntry").entries())
      entries.push(readEntry(ntry, `${where}/Ntry[${n + 1}]`, account, entries.length, odd));
  }
  const seen = new Map<string, number>();
  for (const e of entries) {
    const count = (seen.get(e.bankRef) ?? 0) + 1;
    seen.set(e.bankRef, count);
    if (count > 1) {
      odd.push({
        where: e.bankRef,
        what: "bank reference used by more than one entry in this file",
      });
      e.bankRef = `${e.bankRef}#${count}`;
    }
  }
  return { entries, accounts: [...accounts], warnings: odd };
}
