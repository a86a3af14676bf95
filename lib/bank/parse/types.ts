// What every bank file reader produces: one shape for camt.053/052/054, pain.002, pain.008 and
// CSV statements, so import-bank-file.ts books them the same way.
export type BankFileKind = "CAMT053" | "CAMT052" | "CAMT054" | "PAIN002" | "PAIN008" | "CSV";

/** One transaction inside an entry (camt TxDtls): the level EndToEndIds and return reasons live on. */
export type EntryTx = {
  endToEndId: string | null;
  amount: number | null;
  reasonCode: string | null;
  reasonText: string | null;
  reference: string | null;
  name: string | null;
};

export type ParsedEntry = {
  /** Unique bank reference (AcctSvcrRef / NtryRef / EndToEndId / field hash), prefixed by account. */
  bankRef: string;
  direction: "CREDIT" | "DEBIT";
  amount: number; // minor units, positive
  currency: string;
  bookingDate: string | null;
  /** camt RvslInd=true or return information present: a debit taken back. */
  isReturn: boolean;
  reference: string | null;
  name: string | null;
  /** Batch references: PmtInfId / MsgId carried by the entry. */
  batchRefs: string[];
  txs: EntryTx[];
};

/** pain.002 status of a group, payment-information block or transaction. */
export type StatusItem = {
  bankRef: string;
  level: "GROUP" | "PMTINF" | "TX";
  originalMessageId: string | null;
  originalPmtInfId: string | null;
  endToEndId: string | null;
  status: string;
  reasonCode: string | null;
  reasonText: string | null;
  amount: number | null;
  currency: string | null;
};

export type Oddity = { where: string; what: string };

export type ParsedFile = {
  kind: BankFileKind;
  messageId: string | null;
  namespace: string | null;
  account: string | null;
  entries: ParsedEntry[];
  statuses: StatusItem[];
  /** pain.008 copies: transactions counted, nothing booked. */
  infoCount: number;
  warnings: Oddity[];
};

/** A file that cannot be read: refused whole, naming where and why. */
export class RefusedFile extends Error {
  constructor(
    readonly where: string,
    reason: string,
  ) {
    super(reason);
  }
}
