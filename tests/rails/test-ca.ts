// A throw-away certificate authority for the fake PSP's mutual TLS: the CA, a server certificate
// for 127.0.0.1 and a client certificate as a PSP would issue to the ISP (openssl, in a temp dir).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type TestPki = {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  strangerCert: string;
  strangerKey: string;
};

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), "pix-pki-"));
  const f = (n: string) => path.join(dir, n);
  const ssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "pipe" });
  try {
    ssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=Fake PSP CA",
      "-keyout",
      f("ca.key"),
      "-out",
      f("ca.crt"),
    );
    const leaf = (name: string, cn: string, ext: string, ca = "ca") => {
      ssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        `/CN=${cn}`,
        "-keyout",
        f(`${name}.key`),
        "-out",
        f(`${name}.csr`),
      );
      writeFileSync(f(`${name}.ext`), ext);
      ssl(
        "x509",
        "-req",
        "-in",
        f(`${name}.csr`),
        "-CA",
        f(`${ca}.crt`),
        "-CAkey",
        f(`${ca}.key`),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        f(`${name}.ext`),
        "-out",
        f(`${name}.crt`),
      );
    };
    leaf("server", "127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    leaf("client", "lastmile-isp", "extendedKeyUsage=clientAuth\n");
    // A certificate from another CA: the PSP must refuse it.
    ssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=Other CA",
      "-keyout",
      f("other.key"),
      "-out",
      f("other.crt"),
    );
    leaf("stranger", "stranger", "extendedKeyUsage=clientAuth\n", "other");
    const read = (n: string) => readFileSync(f(n), "utf8");
    return {
      ca: read("ca.crt"),
      serverCert: read("server.crt"),
      serverKey: read("server.key"),
      clientCert: read("client.crt"),
      clientKey: read("client.key"),
      strangerCert: read("stranger.crt"),
      strangerKey: read("stranger.key"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
