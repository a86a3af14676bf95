// Recognises a bank file by its content (not its name or an exact namespace) and reads it.
// Refused whole, with where and why: not XML/CSV, an unsupported message, unreadable entries.
import { readCamt } from "./camt";
import { countPain008, readPain002 } from "./pain";
import { RefusedFile, type BankFileKind, type Oddity, type ParsedFile } from "./types";
import { all, one, parseXml, textAt } from "./xml-tree";

const ROOTS: Record<string, { kind: BankFileKind; message: string }> = {
  BkToCstmrStmt: { kind: "CAMT053", message: "camt.053" },
  BkToCstmrAcctRpt: { kind: "CAMT052", message: "camt.052" },
  BkToCstmrDbtCdtNtfctn: { kind: "CAMT054", message: "camt.054" },
  CstmrPmtStsRpt: { kind: "PAIN002", message: "pain.002" },
  CstmrDrctDbtInitn: { kind: "PAIN008", message: "pain.008" },
};

function checkNamespace(ns: string | null, message: string, odd: Oddity[]) {
  if (!ns) {
    odd.push({ where: "Document", what: "no namespace" });
    return;
  }
  const iso = new RegExp(
    `^urn:iso:std:iso:20022:tech:xsd:${message.replace(".", "\\.")}\\.001\\.\\d{2}$`,
  );
  if (!iso.test(ns)) odd.push({ where: "Document", what: `variant namespace ${ns}` });
}

/** The namespace of the Document element: its default xmlns, or that of its prefix. */
function documentNamespace(text: string): string | null {
  const tag = /<(?:([\w.-]+):)?Document\b([^>]*)>/.exec(text);
  if (!tag) return null;
  const attr = tag[1] ? `xmlns:${tag[1]}` : "xmlns";
  return new RegExp(`\\s${attr}="([^"]+)"`).exec(tag[2])?.[1] ?? null;
}

export function readXmlBankFile(text: string): ParsedFile {
  const doc = parseXml(text);
  const document = one(doc, "Document");
  if (!document) {
    const first = Object.keys(doc).find((k) => !k.startsWith("?"));
    throw new RefusedFile(first ?? "(root)", `<${first ?? "?"}> is not an ISO 20022 Document`);
  }
  const rootName = Object.keys(document).find((k) => ROOTS[k]);
  if (!rootName) {
    const got = Object.keys(document).find((k) => !k.startsWith("@")) ?? "(nothing)";
    throw new RefusedFile(
      `Document/${got}`,
      `${got} is not a supported message (camt.052/053/054, pain.002, pain.008)`,
    );
  }
  const { kind, message } = ROOTS[rootName];
  const root = one(document, rootName)!;
  const warnings: Oddity[] = [];
  const namespace = documentNamespace(text);
  checkNamespace(namespace, message, warnings);
  const messageId = textAt(root, "GrpHdr", "MsgId");
  if (!messageId) warnings.push({ where: `${rootName}/GrpHdr`, what: "no MsgId" });
  const base = {
    kind,
    messageId,
    namespace,
    account: null,
    entries: [],
    statuses: [],
    infoCount: 0,
  };
  if (kind === "PAIN002") {
    const r = readPain002(root, messageId ?? "?");
    return { ...base, statuses: r.statuses, warnings: [...warnings, ...r.warnings] };
  }
  if (kind === "PAIN008") return { ...base, infoCount: countPain008(root), warnings };
  const block = kind === "CAMT053" ? "Stmt" : kind === "CAMT052" ? "Rpt" : "Ntfctn";
  if (!all(root, block).length) throw new RefusedFile(`${rootName}`, `no ${block} block`);
  const r = readCamt(root, block, rootName);
  if (r.accounts.length > 1)
    warnings.push({
      where: rootName,
      what: `statements for ${r.accounts.length} accounts in one file`,
    });
  return {
    ...base,
    account: r.accounts[0] ?? null,
    entries: r.entries,
    warnings: [...warnings, ...r.warnings],
  };
}
