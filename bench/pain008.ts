// npm run bench:pain008 — builds a pain.008.001.08 with 50,000 debits (four sequence-type
// groups, every tenth with an amendment) and validates it against the ISO XSD with xmllint, as a
// collection file is before download. Bar: built + validated ≤ 5 s. Prints each part.
import { buildPain008, type Pain008Group } from "../lib/bank/pain008-build";
import { validateXml } from "../lib/bank/validate-xml";

const N = Number(process.env.BENCH_TRANSACTIONS ?? 50_000);
const SEQ = ["FRST", "RCUR", "OOFF", "FNAL"] as const;

const groups: Pain008Group[] = SEQ.map((seq) => ({
  paymentInfoId: `LMBENCH-${seq}`,
  sequenceType: seq,
  collectionDate: "2026-12-01",
  transactions: [],
}));
for (let i = 0; i < N; i++)
  groups[i % 4].transactions.push({
    endToEndId: `BENCH-INV-${String(i).padStart(8, "0")}`,
    amount: 29900 + (i % 1000),
    mandateId: `MNDT-${i}`,
    signedOn: "2025-06-01",
    amendment:
      i % 10 === 0
        ? { originalMandateId: `OLD-${i}`, originalAccount: "NL91ABNA0417164300" }
        : null,
    debtor: {
      name: `Customer ${i} & Sons`,
      account: "DE89370400440532013000",
      isIban: true,
      bic: i % 2 ? "COBADEFFXXX" : null,
    },
    remittance: `INV-${String(i).padStart(6, "0")}`,
  });

for (const version of ["pain.008.001.08", "pain.008.001.02"] as const) {
  let t = performance.now();
  const xml = buildPain008({
    version,
    messageId: "LMBENCH",
    createdAt: new Date("2026-11-30T10:00:00Z"),
    currency: "EUR",
    creditor: {
      name: "Bench ISP",
      account: "DE89370400440532013000",
      isIban: true,
      bic: "COBADEFFXXX",
      schemeId: "DE98ZZZ09999999999",
    },
    groups,
  });
  const built = performance.now() - t;
  t = performance.now();
  const check = await validateXml(xml, version);
  const validated = performance.now() - t;
  if (!check.valid) throw new Error(check.errors.join("\n"));
  console.log(
    `${version}: ${N.toLocaleString()} transactions, ${(xml.length / 1e6).toFixed(1)} MB — built ${built.toFixed(0)} ms, validated ${validated.toFixed(0)} ms, total ${(built + validated).toFixed(0)} ms (bar 5000 ms)`,
  );
}
process.exit(0);
