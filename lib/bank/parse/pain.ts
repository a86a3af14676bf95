// pain.002 (payment status report: rejects before settlement) and pain.008 (a copy of a
// collection file: transactions counted, nothing booked). German DK (.002.03) and Swiss (.ch.)
// flavours share the ISO element names, so one reader serves them.
import { parseAmount } from "../amounts";
import { all, attr, one, textAt, type Node } from "./xml-tree";
import type { Oddity, StatusItem } from "./types";

function reason(node: Node | undefined) {
  const info = one(node, "StsRsnInf");
  return {
    reasonCode: textAt(info, "Rsn", "Cd") ?? textAt(info, "Rsn", "Prtry"),
    reasonText:
      all(info, "AddtlInf")
        .map((n) => textAt(n))
        .filter(Boolean)
        .join(" ") || null,
  };
}

export function readPain002(root: Node, msgId: string) {
  const warnings: Oddity[] = [];
  const statuses: StatusItem[] = [];
  for (const grp of all(root, "OrgnlGrpInfAndSts")) {
    const orgMsg = textAt(grp, "OrgnlMsgId");
    const status = textAt(grp, "GrpSts");
    if (status)
      statuses.push({
        bankRef: `pain002:${msgId}:grp:${orgMsg}`,
        level: "GROUP",
        originalMessageId: orgMsg,
        originalPmtInfId: null,
        endToEndId: null,
        status,
        ...reason(grp),
        amount: null,
        currency: null,
      });
  }
  const orgMsg = textAt(one(root, "OrgnlGrpInfAndSts"), "OrgnlMsgId");
  for (const [p, pmt] of all(root, "OrgnlPmtInfAndSts").entries()) {
    const pmtInfId = textAt(pmt, "OrgnlPmtInfId");
    const status = textAt(pmt, "PmtInfSts");
    if (status)
      statuses.push({
        bankRef: `pain002:${msgId}:pmt:${pmtInfId ?? p}`,
        level: "PMTINF",
        originalMessageId: orgMsg,
        originalPmtInfId: pmtInfId,
        endToEndId: null,
        status,
        ...reason(pmt),
        amount: null,
        currency: null,
      });
    for (const [t, tx] of all(pmt, "TxInfAndSts").entries()) {
      const e2e = textAt(tx, "OrgnlEndToEndId");
      const amt = one(one(one(tx, "OrgnlTxRef"), "Amt"), "InstdAmt");
      const raw = textAt(amt);
      if (!e2e)
        warnings.push({
          where: `OrgnlPmtInfAndSts[${p + 1}]/TxInfAndSts[${t + 1}]`,
          what: "no OrgnlEndToEndId",
        });
      statuses.push({
        bankRef: `pain002:${msgId}:tx:${e2e ?? `${p}.${t}`}`,
        level: "TX",
        originalMessageId: orgMsg,
        originalPmtInfId: pmtInfId,
        endToEndId: e2e,
        status: textAt(tx, "TxSts") ?? status ?? "",
        ...reason(tx),
        amount: raw ? parseAmount(raw) : null,
        currency: attr(amt, "Ccy"),
      });
    }
  }
  return { statuses, warnings };
}

export const countPain008 = (root: Node) =>
  all(root, "PmtInf").reduce((n, p) => n + all(p, "DrctDbtTxInf").length, 0);
