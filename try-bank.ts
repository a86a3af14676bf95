import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { readXmlBankFile } from "@/lib/bank/parse/read-bank-file";
const files = execSync("find /work/shared/iso20022/samples -name '*.xml'").toString().trim().split("\n");
for (const f of files) {
  try {
    const r = readXmlBankFile(readFileSync(f, "utf8"));
    console.log(f.split("samples/")[1], r.kind, r.account, "entries", r.entries.length, "statuses", r.statuses.length, "info", r.infoCount, "returns", r.entries.filter(e=>e.isReturn).length, JSON.stringify(r.warnings).slice(0, 200));
  } catch (e) { console.log("FAIL", f, (e as Error).message, (e as {where?:string}).where); }
}
