// CNAB 240 (FEBRABAN) boleto files: the remittance we write is read back at the layout's
// positions; return files written here by hand at those positions (as a bank writes them) are
// read into entries, and importing one pays the invoices it settles — once, however often the
// same file is imported.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildCnab240Remittance } from "@/lib/payments/rails/boleto/cnab240/build-remittance";
import { importCnab240Return } from "@/lib/payments/rails/boleto/cnab240/import-cnab240-return";
import { at } from "@/lib/payments/rails/boleto/cnab240/layout";
import { parseCnab240Return } from "@/lib/payments/rails/boleto/cnab240/parse-return";
import { ACCOUNTS, BRAZIL, customerOwing, paymentsOf, secretsForTests, setupIsp } from "./fixtures";

const company = {
  bankCode: "001",
  bankName: "Banco do Brasil",
  document: "12.345.678/0001-95",
  name: "Provedor Vale Fibra Ltda",
  agency: "1234",
  agencyDigit: "5",
  account: "67890",
  accountDigit: "1",
  agreement: "1234567",
};

const title = {
  bankRef: "12345670000000001",
  documentNumber: "INV-000123",
  issueDate: "2026-11-01",
  dueDate: "2026-11-10",
  amount: 12990,
  payer: {
    document: "123.456.789-09",
    name: "João da Silva",
    address: "Rua das Flores, 100",
    district: "Centro",
    postalCode: "13010-000",
    city: "Campinas",
    state: "SP",
  },
};

/** A record of 240 blanks with `fields` written at their FEBRABAN positions (1-based). */
function line(fields: [number, string][]) {
  const chars = " ".repeat(240).split("");
  for (const [from, value] of fields) value.split("").forEach((c, i) => (chars[from - 1 + i] = c));
  return chars.join("");
}

/** A return file as a bank writes it: header, lot header, T+U per event, trailers. */
function returnFile(
  events: {
    ref: string;
    doc: string;
    movement: string;
    nominal: number;
    paid: number;
    on: string;
    reasons?: string;
  }[],
) {
  const body = events.flatMap((e, i) => [
    line([
      [1, "001"],
      [4, "0001"],
      [8, "3"],
      [9, String(2 * i + 1).padStart(5, "0")],
      [14, "T"],
      [16, e.movement],
      [38, e.ref.padEnd(20)],
      [59, e.doc.padEnd(15)],
      [74, "10112026"],
      [82, String(e.nominal).padStart(15, "0")],
      [214, (e.reasons ?? "").padEnd(10)],
    ]),
    line([
      [1, "001"],
      [4, "0001"],
      [8, "3"],
      [9, String(2 * i + 2).padStart(5, "0")],
      [14, "U"],
      [16, e.movement],
      [78, String(e.paid).padStart(15, "0")],
      [93, String(e.paid).padStart(15, "0")],
      [138, e.on],
      [146, e.on],
    ]),
  ]);
  const lines = [
    line([
      [1, "001"],
      [4, "0000"],
      [8, "0"],
      [143, "2"],
      [144, "12112026"],
    ]),
    line([
      [1, "001"],
      [4, "0001"],
      [8, "1"],
      [9, "T"],
      [10, "01"],
    ]),
    ...body,
    line([
      [1, "001"],
      [4, "0001"],
      [8, "5"],
      [18, String(body.length + 2).padStart(6, "0")],
    ]),
  ];
  lines.push(
    line([
      [1, "001"],
      [4, "9999"],
      [8, "9"],
      [18, "000001"],
      [24, String(lines.length + 1).padStart(6, "0")],
    ]),
  );
  return lines.join("\r\n") + "\r\n";
}

describe("CNAB 240 remittance", () => {
  it("writes 240-character records at the FEBRABAN positions, with counts in the trailers", () => {
    const file = buildCnab240Remittance({
      company,
      sequence: 7,
      createdAt: new Date("2026-11-01T13:05:09Z"),
      titles: [title],
    });
    const lines = file.split("\r\n").filter(Boolean);
    expect(lines.map((l) => l.length)).toEqual([240, 240, 240, 240, 240, 240]);
    const [header, lot, p, q, lotTrailer, trailer] = lines;
    expect(at(header, 1, 8)).toBe("00100000");
    expect(at(header, 18, 32)).toBe("212345678000195");
    expect(at(header, 143, 151)).toBe("101112026");
    expect(at(header, 158, 166)).toBe("000007103");
    expect(at(lot, 8, 17)).toBe("1R01  060 ");
    expect(at(p, 14, 17)).toBe("P 01");
    expect(at(p, 38, 57).trim()).toBe(title.bankRef);
    expect(at(p, 63, 77).trim()).toBe("INV-000123");
    expect(at(p, 78, 100)).toBe("10112026000000000012990");
    expect(at(p, 228, 229)).toBe("09");
    expect(at(q, 14, 14)).toBe("Q");
    expect(at(q, 18, 33)).toBe("1000012345678909");
    expect(at(q, 34, 73).trim()).toBe("JOAO DA SILVA");
    expect(at(q, 129, 136)).toBe("13010000");
    expect(at(q, 152, 153)).toBe("SP");
    expect(at(lotTrailer, 18, 23)).toBe("000004");
    expect(at(trailer, 18, 29)).toBe("000001000006");
  });

  it("refuses an amount that does not fit its field", () => {
    expect(() =>
      buildCnab240Remittance({
        company,
        sequence: 1,
        createdAt: new Date(),
        titles: [{ ...title, amount: 10 ** 16 }],
      }),
    ).toThrow(/does not fit/);
  });
});

describe("CNAB 240 return", () => {
  it("reads registrations, rejections with their reasons, and settlements with what was paid", () => {
    const entries = parseCnab240Return(
      returnFile([
        { ref: "111", doc: "INV-000001", movement: "02", nominal: 5000, paid: 0, on: "02112026" },
        {
          ref: "222",
          doc: "INV-000002",
          movement: "03",
          nominal: 7000,
          paid: 0,
          on: "02112026",
          reasons: "0809",
        },
        {
          ref: "333",
          doc: "INV-000003",
          movement: "06",
          nominal: 9990,
          paid: 10190,
          on: "11112026",
        },
      ]),
    );
    expect(entries).toEqual([
      {
        bankRef: "111",
        documentNumber: "INV-000001",
        amount: 5000,
        date: "2026-11-02",
        status: "REGISTERED",
        reason: null,
        movement: "02",
      },
      {
        bankRef: "222",
        documentNumber: "INV-000002",
        amount: 7000,
        date: "2026-11-02",
        status: "REJECTED",
        reason: "03: 08 09",
        movement: "03",
      },
      {
        bankRef: "333",
        documentNumber: "INV-000003",
        amount: 10190,
        date: "2026-11-11",
        status: "SETTLED",
        reason: null,
        movement: "06",
      },
    ]);
  });

  it("refuses a file whose lines, header or counts are wrong", () => {
    const good = returnFile([
      { ref: "1", doc: "X", movement: "06", nominal: 1, paid: 1, on: "11112026" },
    ]);
    expect(() => parseCnab240Return(good.replace(/\r\n$/, "").slice(0, -1))).toThrow(
      /239 characters/,
    );
    const lines = good.split("\r\n").filter(Boolean);
    expect(() => parseCnab240Return(lines.slice(0, -2).concat(lines.slice(-1)).join("\n"))).toThrow(
      /counts 6 records, the file has 5/,
    );
    expect(() =>
      parseCnab240Return(
        lines.map((l, i) => (i === 0 ? l.slice(0, 142) + "1" + l.slice(143) : l)).join("\n"),
      ),
    ).toThrow(/not a return file header/);
  });
});

describe("importing a return file", () => {
  beforeAll(async () => {
    secretsForTests();
    await setupIsp(BRAZIL);
  });

  it("pays the settled invoice once, keeps rejections and unknown titles for staff", async () => {
    const { customer, invoice } = await customerOwing(12990);
    const file = returnFile([
      {
        ref: "900",
        doc: invoice.number!,
        movement: "06",
        nominal: 12990,
        paid: 12990,
        on: "03012026",
      },
      { ref: "901", doc: "INV-999999", movement: "06", nominal: 5000, paid: 5000, on: "03012026" },
      {
        ref: "902",
        doc: invoice.number!,
        movement: "03",
        nominal: 12990,
        paid: 0,
        on: "02012026",
        reasons: "08",
      },
    ]);
    expect(await importCnab240Return({ actor: ACCOUNTS, text: file })).toEqual({
      entries: 3,
      duplicates: 0,
      paid: 1,
      unmatched: 1,
      other: 1,
    });
    expect(await importCnab240Return({ actor: ACCOUNTS, text: file })).toMatchObject({
      duplicates: 3,
      paid: 0,
    });
    const payments = await paymentsOf(customer.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amount: 12990,
      method: "BOLETO",
      provider: "BANK",
      reference: "900",
    });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
    const kept = await db.webhookEvent.findMany({
      where: { source: "cnab240", processedAt: null },
      orderBy: { externalId: "asc" },
    });
    expect(kept.map((e) => e.error)).toEqual(["03: 08"]);
    // The unknown title's money waits in the bank review queue, once.
    expect(await db.bankEntry.findMany({ where: { source: "CNAB" } })).toMatchObject([
      { bankRef: "boleto:901:2026-01-03", amount: 5000, currency: "BRL", status: "REVIEW" },
    ]);
  });

  it("refuses a role without banking:write and a malformed file, recording nothing", async () => {
    const support = { kind: "user" as const, id: "u-sup", role: "SUPPORT" as const, name: "Sue" };
    await expect(importCnab240Return({ actor: support, text: "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(importCnab240Return({ actor: ACCOUNTS, text: "hello" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});
