// Validates a generated file against its ISO 20022 XSD with libxml2's xmllint (Debian's
// libxml2-utils; `.ci/run` installs it). The file goes in on stdin, so nothing is written to disk.
import { spawn } from "node:child_process";
import path from "node:path";

const XSD_DIR = path.join(process.cwd(), "lib", "bank", "xsd");

export type XsdResult = { valid: boolean; errors: string[] };

export function validateXml(xml: string, schema: string): Promise<XsdResult> {
  const xsd = path.join(XSD_DIR, `${schema}.xsd`);
  return new Promise((resolve, reject) => {
    const child = spawn("xmllint", ["--noout", "--huge", "--schema", xsd, "-"], {
      stdio: ["pipe", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    child.on("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "ENOENT"
          ? new Error(
              "xmllint is not installed (Debian: libxml2-utils); collection files cannot be validated",
            )
          : err,
      ),
    );
    child.on("close", (code) => {
      const errors = stderr
        .split("\n")
        .filter((l) => l && !l.endsWith(" validates"))
        .map((l) => l.replace(/^-:/, "line "))
        .slice(0, 20);
      resolve({ valid: code === 0, errors });
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(xml);
  });
}
