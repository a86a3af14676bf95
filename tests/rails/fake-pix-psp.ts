// A local PSP implementing the Banco Central's standard Pix API (github:bacen/pix-api
// openapi.yaml): HTTPS that requires a client certificate from its CA, OAuth2 client credentials
// at /oauth/token, PUT/GET /v2/cob/{txid}, GET /v2/pix/{e2eid}, PUT /v2/webhook/{chave}. The test
// pays a charge (as a payer's bank would), and decides whether, when and how often the webhook
// `{webhookUrl}/pix` is called.
import { randomBytes } from "node:crypto";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { createDynamicPix, hasError } from "pix-utils";
import type { TestPki } from "./test-ca";

export const PSP_CLIENT = { clientId: "lastmile", clientSecret: "s3cret" };

type Pix = { endToEndId: string; txid: string; valor: string; horario: string };
type Cob = {
  txid: string;
  status: string;
  calendario: { criacao: string; expiracao: number };
  valor: { original: string };
  chave: string;
  location: string;
  pixCopiaECola: string;
  pix?: Pix[];
};

export async function startFakePixPsp(pki: TestPki) {
  const cobs = new Map<string, Cob>();
  const received = new Map<string, Pix>();
  const webhooks = new Map<string, string>();
  const tokens = new Set<string>();

  const server = createServer(
    {
      key: pki.serverKey,
      cert: pki.serverCert,
      ca: pki.ca,
      requestCert: true,
      rejectUnauthorized: true,
    },
    async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks).toString();
      const send = (status: number, json: object) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      const problem = (status: number, title: string, detail: string) =>
        send(status, {
          type: `https://pix.bcb.gov.br/api/v2/error/${title}`,
          title,
          status,
          detail,
        });
      const url = req.url ?? "";
      if (req.method === "POST" && url === "/oauth/token") {
        const basic = Buffer.from(`${PSP_CLIENT.clientId}:${PSP_CLIENT.clientSecret}`).toString(
          "base64",
        );
        if (
          req.headers.authorization !== `Basic ${basic}` ||
          !raw.includes("grant_type=client_credentials")
        )
          return send(401, { error: "invalid_client" });
        const token = randomBytes(16).toString("hex");
        tokens.add(token);
        return send(200, {
          access_token: token,
          token_type: "Bearer",
          expires_in: 3600,
          scope: "cob.write cob.read pix.read webhook.write",
        });
      }
      if (!tokens.has(String(req.headers.authorization).replace(/^Bearer /, "")))
        return problem(
          403,
          "AcessoNegado",
          "Requisição de participante autenticado que viola alguma regra de autorização.",
        );
      const body = raw ? (JSON.parse(raw) as Record<string, any>) : {}; // eslint-disable-line @typescript-eslint/no-explicit-any
      let m = /^\/v2\/cob\/([^/]+)$/.exec(url);
      if (m && req.method === "PUT") {
        const txid = m[1];
        if (!/^[a-zA-Z0-9]{26,35}$/.test(txid))
          return problem(400, "CobOperacaoInvalida", "txid inválido");
        if (!/^\d{1,10}\.\d{2}$/.test(body.valor?.original ?? "") || !body.chave)
          return problem(400, "CobOperacaoInvalida", "A requisição não respeita o schema.");
        if (cobs.has(txid)) return send(201, cobs.get(txid)!);
        const location = `pix.example.com/qr/v2/${randomBytes(16).toString("hex")}`;
        const code = createDynamicPix({
          merchantName: "PSP TEST",
          merchantCity: "BRASILIA",
          url: location,
        });
        if (hasError(code)) throw new Error("pix-utils refused the dynamic code");
        const cob: Cob = {
          txid,
          status: "ATIVA",
          calendario: {
            criacao: new Date().toISOString(),
            expiracao: body.calendario?.expiracao ?? 86400,
          },
          valor: { original: body.valor.original },
          chave: body.chave,
          location,
          pixCopiaECola: code.toBRCode(),
        };
        cobs.set(txid, cob);
        return send(201, cob);
      }
      if (m && req.method === "GET") {
        const cob = cobs.get(m[1]);
        return cob ? send(200, cob) : problem(404, "NaoEncontrado", "Cobrança não encontrada");
      }
      m = /^\/v2\/pix\/([^/]+)$/.exec(url);
      if (m && req.method === "GET") {
        const pix = received.get(decodeURIComponent(m[1]));
        return pix ? send(200, pix) : problem(404, "NaoEncontrado", "Pix não encontrado");
      }
      m = /^\/v2\/webhook\/([^/]+)$/.exec(url);
      if (m && req.method === "PUT") {
        webhooks.set(decodeURIComponent(m[1]), body.webhookUrl);
        return send(200, {});
      }
      problem(404, "NaoEncontrado", url);
    },
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const deliver = async (to: string, pix: object[]) => {
    const r = await fetch(`${to}/pix`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pix }),
    });
    return { status: r.status, body: await r.json().catch(() => null) };
  };

  return {
    baseUrl: `${base}/v2`,
    tokenUrl: `${base}/oauth/token`,
    cobs,
    webhooks,
    /** A payer's bank settles the charge (or pays a static code's txid); no webhook yet. */
    pay(txid: string, valor: string): Pix {
      const pix = {
        endToEndId:
          `E12345678${new Date().toISOString().replace(/\D/g, "").slice(0, 12)}${randomBytes(6).toString("hex")}`.slice(
            0,
            32,
          ),
        txid,
        valor,
        horario: new Date().toISOString(),
      };
      received.set(pix.endToEndId, pix);
      const cob = cobs.get(txid);
      if (cob) {
        cob.status = "CONCLUIDA";
        cob.pix = [...(cob.pix ?? []), pix];
      }
      return pix;
    },
    /** Calls `{webhookUrl}/pix` for the key's registered webhook (or `to`). */
    notify(key: string, pix: object[], to?: string) {
      return deliver(to ?? webhooks.get(key)!, pix);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
