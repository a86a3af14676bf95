// Bank test data: customers with open invoices and a signed debit mandate, and the files a bank
// sends back (pain.002, camt.054, camt.053) written the way banks write them.
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/encrypt";
import { customerWithInvoices, setupIsp } from "../payments/fixtures";

export { accounts, balanceOf, invoiceState, setupIsp, sales } from "../payments/fixtures";

export const ISP_IBAN = "DE89370400440532013000";

export async function setupBankIsp(over: Parameters<typeof setupIsp>[0] = {}) {
  return setupIsp({
    creditorId: "DE98ZZZ09999999999",
    bankIban: ISP_IBAN,
    bankBic: "COBADEFFXXX",
    ...over,
  });
}

let n = 0;
export async function customerWithMandate(opts: { months?: number; iban?: string } = {}) {
  const made = await customerWithInvoices(opts.months ?? 1);
  n++;
  const method = await db.paymentMethod.create({
    data: { customerId: made.customer.id, kind: "DEBIT_ORDER", isDefault: true },
  });
  const iban = opts.iban ?? "NL91ABNA0417164300";
  const mandate = await db.debitMandate.create({
    data: {
      customerId: made.customer.id,
      paymentMethodId: method.id,
      accountHolder: `${made.customer.firstName} ${made.customer.lastName}`,
      accountNumberEnc: encryptSecret(iban),
      accountLast4: iban.slice(-4),
      bic: n % 2 ? "ABNANL2A" : null,
      mandateReference: `MNDT-${n}-${Math.random().toString(36).slice(2, 8)}`,
      mandateText: "I authorise …",
      signedAt: new Date("2025-12-01T10:00:00Z"),
    },
  });
  return { ...made, mandate };
}

const doc = (ns: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${ns}">${body}</Document>\n`;

export function pain002(originalMessageId: string, rejects: { e2e: string; code: string }[]) {
  return doc(
    "pain.002.001.03",
    `<CstmrPmtStsRpt><GrpHdr><MsgId>STS-${originalMessageId}-${rejects.length}</MsgId><CreDtTm>2026-03-19T08:00:00</CreDtTm></GrpHdr>` +
      `<OrgnlGrpInfAndSts><OrgnlMsgId>${originalMessageId}</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>` +
      `<OrgnlPmtInfAndSts><OrgnlPmtInfId>${originalMessageId}-RCUR</OrgnlPmtInfId>` +
      rejects
        .map(
          (r, i) =>
            `<TxInfAndSts><StsId>S${i}</StsId><OrgnlEndToEndId>${r.e2e}</OrgnlEndToEndId><TxSts>RJCT</TxSts>` +
            `<StsRsnInf><Rsn><Cd>${r.code}</Cd></Rsn></StsRsnInf></TxInfAndSts>`,
        )
        .join("") +
      `</OrgnlPmtInfAndSts></CstmrPmtStsRpt>`,
  );
}

const amt = (minor: number, ccy = "ZAR") => `<Amt Ccy="${ccy}">${(minor / 100).toFixed(2)}</Amt>`;

export type CamtEntry = {
  ref: string;
  amount: number;
  credit?: boolean;
  reversal?: boolean;
  txs?: {
    e2e?: string;
    amount?: number;
    reason?: string;
    name?: string;
    ustrd?: string;
    pmtInfId?: string;
  }[];
  ustrd?: string;
  name?: string;
  batchPmtInfId?: string;
};

function entry(e: CamtEntry) {
  const txs = (e.txs ?? (e.ustrd || e.name ? [{ ustrd: e.ustrd, name: e.name }] : []))
    .map(
      (t) =>
        `<TxDtls><Refs>${t.pmtInfId ? `<PmtInfId>${t.pmtInfId}</PmtInfId>` : ""}<EndToEndId>${t.e2e ?? "NOTPROVIDED"}</EndToEndId></Refs>` +
        (t.amount !== undefined ? `<AmtDtls><TxAmt>${amt(t.amount)}</TxAmt></AmtDtls>` : "") +
        (t.name ? `<RltdPties><Dbtr><Nm>${t.name}</Nm></Dbtr></RltdPties>` : "") +
        (t.ustrd ? `<RmtInf><Ustrd>${t.ustrd}</Ustrd></RmtInf>` : "") +
        (t.reason ? `<RtrInf><Rsn><Cd>${t.reason}</Cd></Rsn></RtrInf>` : "") +
        `</TxDtls>`,
    )
    .join("");
  const btch = e.batchPmtInfId ? `<Btch><PmtInfId>${e.batchPmtInfId}</PmtInfId></Btch>` : "";
  return (
    `<Ntry>${amt(e.amount)}<CdtDbtInd>${e.credit === false ? "DBIT" : "CRDT"}</CdtDbtInd>` +
    (e.reversal ? `<RvslInd>true</RvslInd>` : "") +
    `<Sts>BOOK</Sts><BookgDt><Dt>2026-03-20</Dt></BookgDt><ValDt><Dt>2026-03-20</Dt></ValDt><AcctSvcrRef>${e.ref}</AcctSvcrRef>` +
    `<BkTxCd/><NtryDtls>${btch}${txs}</NtryDtls></Ntry>`
  );
}

export function camt(kind: "053" | "054", entries: CamtEntry[], account = ISP_IBAN, msgId = "MSG") {
  const [root, block] =
    kind === "053" ? ["BkToCstmrStmt", "Stmt"] : ["BkToCstmrDbtCdtNtfctn", "Ntfctn"];
  return doc(
    `camt.${kind}.001.08`,
    `<${root}><GrpHdr><MsgId>${msgId}</MsgId><CreDtTm>2026-03-20T18:00:00</CreDtTm></GrpHdr>` +
      `<${block}><Id>${msgId}-1</Id><CreDtTm>2026-03-20T18:00:00</CreDtTm><Acct><Id><IBAN>${account}</IBAN></Id></Acct>` +
      entries.map(entry).join("") +
      `</${block}></${root}>`,
  );
}
