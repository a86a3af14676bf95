// Builds a pain.008 (SEPA Core direct debit) as text: one PmtInf per sequence type and
// collection date, one DrctDbtTxInf per item. Pure and string-based, so 50,000 transactions take
// milliseconds (bench/pain008.ts); validate-xml.ts checks the result against the ISO XSD.
import { formatMinor } from "./amounts";

export type Pain008Version = "pain.008.001.08" | "pain.008.001.02";

export type Pain008Tx = {
  endToEndId: string;
  amount: number; // minor units
  mandateId: string;
  signedOn: string; // YYYY-MM-DD
  /** Set when the account or mandate id changed since the last collection. */
  amendment?: { originalMandateId?: string | null; originalAccount?: string | null } | null;
  debtor: { name: string; account: string; isIban: boolean; bic?: string | null };
  remittance: string;
};

export type Pain008Group = {
  paymentInfoId: string;
  sequenceType: "FRST" | "RCUR" | "OOFF" | "FNAL";
  collectionDate: string;
  transactions: Pain008Tx[];
};

export type Pain008Input = {
  version: Pain008Version;
  messageId: string;
  createdAt: Date;
  currency: string;
  creditor: {
    name: string;
    account: string;
    isIban: boolean;
    bic?: string | null;
    schemeId: string;
  };
  groups: Pain008Group[];
};

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Escapes and trims to `max` characters (the XSD's MaxNText); control characters dropped. */
export function text(value: string, max: number): string {
  const clean = value
    .replace(/[\u0000-\u001f]/g, " ")
    .trim()
    .slice(0, max);
  return clean.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

const account = (acct: string, isIban: boolean) =>
  isIban
    ? `<Id><IBAN>${text(acct, 34)}</IBAN></Id>`
    : `<Id><Othr><Id>${text(acct, 34)}</Id></Othr></Id>`;

function agent(version: Pain008Version, bic?: string | null) {
  const tag = version === "pain.008.001.08" ? "BICFI" : "BIC";
  return bic
    ? `<FinInstnId><${tag}>${text(bic, 11)}</${tag}></FinInstnId>`
    : `<FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId>`;
}

function amendment(tx: Pain008Tx): string {
  const a = tx.amendment;
  if (!a || (!a.originalMandateId && !a.originalAccount)) return "<AmdmntInd>false</AmdmntInd>";
  const mandate = a.originalMandateId
    ? `<OrgnlMndtId>${text(a.originalMandateId, 35)}</OrgnlMndtId>`
    : "";
  // SEPA: a changed debtor account is reported as SMNDA (same mandate, new debtor agent account).
  const acct = a.originalAccount
    ? a.originalAccount === "SMNDA"
      ? "<OrgnlDbtrAcct><Id><Othr><Id>SMNDA</Id></Othr></Id></OrgnlDbtrAcct>"
      : `<OrgnlDbtrAcct>${account(a.originalAccount, /^[A-Z]{2}\d\d/.test(a.originalAccount))}</OrgnlDbtrAcct>`
    : "";
  return `<AmdmntInd>true</AmdmntInd><AmdmntInfDtls>${mandate}${acct}</AmdmntInfDtls>`;
}

function transaction(input: Pain008Input, tx: Pain008Tx): string {
  return (
    `<DrctDbtTxInf><PmtId><EndToEndId>${text(tx.endToEndId, 35)}</EndToEndId></PmtId>` +
    `<InstdAmt Ccy="${input.currency}">${formatMinor(tx.amount)}</InstdAmt>` +
    `<DrctDbtTx><MndtRltdInf><MndtId>${text(tx.mandateId, 35)}</MndtId>` +
    `<DtOfSgntr>${tx.signedOn}</DtOfSgntr>${amendment(tx)}</MndtRltdInf></DrctDbtTx>` +
    `<DbtrAgt>${agent(input.version, tx.debtor.bic)}</DbtrAgt>` +
    `<Dbtr><Nm>${text(tx.debtor.name, 70)}</Nm></Dbtr>` +
    `<DbtrAcct>${account(tx.debtor.account, tx.debtor.isIban)}</DbtrAcct>` +
    `<RmtInf><Ustrd>${text(tx.remittance, 140)}</Ustrd></RmtInf></DrctDbtTxInf>\n`
  );
}

function paymentInfo(input: Pain008Input, g: Pain008Group): string {
  const sum = g.transactions.reduce((s, t) => s + t.amount, 0);
  const c = input.creditor;
  const head =
    `<PmtInf><PmtInfId>${text(g.paymentInfoId, 35)}</PmtInfId><PmtMtd>DD</PmtMtd>` +
    `<BtchBookg>true</BtchBookg><NbOfTxs>${g.transactions.length}</NbOfTxs>` +
    `<CtrlSum>${formatMinor(sum)}</CtrlSum>` +
    `<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><LclInstrm><Cd>CORE</Cd></LclInstrm>` +
    `<SeqTp>${g.sequenceType}</SeqTp></PmtTpInf><ReqdColltnDt>${g.collectionDate}</ReqdColltnDt>` +
    `<Cdtr><Nm>${text(c.name, 70)}</Nm></Cdtr><CdtrAcct>${account(c.account, c.isIban)}</CdtrAcct>` +
    `<CdtrAgt>${agent(input.version, c.bic)}</CdtrAgt><ChrgBr>SLEV</ChrgBr>` +
    `<CdtrSchmeId><Id><PrvtId><Othr><Id>${text(c.schemeId, 35)}</Id>` +
    `<SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></CdtrSchmeId>\n`;
  const parts = [head];
  for (const tx of g.transactions) parts.push(transaction(input, tx));
  parts.push("</PmtInf>\n");
  return parts.join("");
}

export function buildPain008(input: Pain008Input): string {
  const all = input.groups.flatMap((g) => g.transactions);
  const sum = all.reduce((s, t) => s + t.amount, 0);
  const created = input.createdAt.toISOString().slice(0, 19);
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>\n`,
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${input.version}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    `<CstmrDrctDbtInitn><GrpHdr><MsgId>${text(input.messageId, 35)}</MsgId>`,
    `<CreDtTm>${created}</CreDtTm><NbOfTxs>${all.length}</NbOfTxs><CtrlSum>${formatMinor(sum)}</CtrlSum>`,
    `<InitgPty><Nm>${text(input.creditor.name, 70)}</Nm></InitgPty></GrpHdr>\n`,
  ];
  for (const g of input.groups) parts.push(paymentInfo(input, g));
  parts.push("</CstmrDrctDbtInitn></Document>\n");
  return parts.join("");
}
