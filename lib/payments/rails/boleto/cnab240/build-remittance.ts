// A CNAB 240 remittance (remessa) registering boletos with the bank: file header, one lot of
// cobrança with a P segment (the title) and a Q segment (the payer) per boleto, lot trailer,
// file trailer (FEBRABAN layout 10.x: file version 103, lot version 060). Pure: the caller
// stores the file and sends it through the bank's channel.
import { alpha, blank, cnabDate, num, record } from "./layout";

export type CnabCompany = {
  bankCode: string; // "001" Banco do Brasil, "341" Itaú, …
  bankName: string;
  /** CNPJ (14 digits) or CPF (11). */
  document: string;
  name: string;
  agency: string;
  agencyDigit: string;
  account: string;
  accountDigit: string;
  /** The bank's agreement (convênio) code for the company. */
  agreement: string;
};

export type CnabTitle = {
  /** Nosso número: the bank's reference for the boleto (unique per agreement). */
  bankRef: string;
  /** Seu número: our reference, the invoice number. */
  documentNumber: string;
  issueDate: string; // YYYY-MM-DD
  dueDate: string;
  amount: number; // centavos
  payer: {
    document: string;
    name: string;
    address: string;
    district: string;
    postalCode: string;
    city: string;
    state: string;
  };
};

export type CnabRemittance = {
  company: CnabCompany;
  /** NSA: the file's sequence number, one more than the last file sent. */
  sequence: number;
  createdAt: Date;
  titles: CnabTitle[];
};

const docType = (doc: string) => (doc.replace(/\D/g, "").length === 11 ? "1" : "2");

export function buildCnab240Remittance(r: CnabRemittance): string {
  const c = r.company;
  const bank = num(c.bankCode, 3);
  const iso = r.createdAt.toISOString();
  const today = cnabDate(iso.slice(0, 10));
  const account = [
    num(c.agency, 5),
    alpha(c.agencyDigit, 1),
    num(c.account, 12),
    alpha(c.accountDigit, 1),
    blank(1),
  ];
  const lines: string[] = [];
  lines.push(
    record([
      bank,
      "0000",
      "0",
      blank(9),
      docType(c.document),
      num(c.document, 14),
      alpha(c.agreement, 20),
      ...account,
      alpha(c.name, 30),
      alpha(c.bankName, 30),
      blank(10),
      "1",
      today,
      iso.slice(11, 19).replace(/:/g, ""),
      num(r.sequence, 6),
      "103",
      "00000",
      blank(20),
      blank(20),
      blank(29),
    ]),
  );
  lines.push(
    record([
      bank,
      "0001",
      "1",
      "R",
      "01",
      blank(2),
      "060",
      blank(1),
      docType(c.document),
      num(c.document, 15),
      alpha(c.agreement, 20),
      ...account,
      alpha(c.name, 30),
      blank(40),
      blank(40),
      num(r.sequence, 8),
      today,
      "00000000",
      blank(33),
    ]),
  );
  let seq = 0;
  for (const t of r.titles) {
    const head = (segment: string) => [bank, "0001", "3", num(++seq, 5), segment, blank(1), "01"];
    lines.push(
      record([
        ...head("P"),
        ...account,
        alpha(t.bankRef, 20),
        "1",
        "1",
        "1",
        "2",
        "2",
        alpha(t.documentNumber, 15),
        cnabDate(t.dueDate),
        num(t.amount, 15),
        "00000",
        blank(1),
        "04",
        "N",
        cnabDate(t.issueDate),
        "3",
        "00000000",
        num(0, 15),
        "0",
        "00000000",
        num(0, 15),
        num(0, 15),
        num(0, 15),
        alpha(t.documentNumber, 25),
        "3",
        "00",
        "0",
        "000",
        "09",
        num(0, 10),
        blank(1),
      ]),
    );
    const cep = t.payer.postalCode.replace(/\D/g, "").padEnd(8, "0");
    lines.push(
      record([
        ...head("Q"),
        docType(t.payer.document),
        num(t.payer.document, 15),
        alpha(t.payer.name, 40),
        alpha(t.payer.address, 40),
        alpha(t.payer.district, 15),
        cep.slice(0, 5),
        cep.slice(5, 8),
        alpha(t.payer.city, 15),
        alpha(t.payer.state, 2),
        "0",
        num(0, 15),
        blank(40),
        "000",
        blank(20),
        blank(8),
      ]),
    );
  }
  lines.push(record([bank, "0001", "5", blank(9), num(seq + 2, 6), blank(217)]));
  lines.push(
    record([bank, "9999", "9", blank(9), "000001", num(lines.length + 1, 6), "000000", blank(205)]),
  );
  return lines.join("\r\n") + "\r\n";
}
