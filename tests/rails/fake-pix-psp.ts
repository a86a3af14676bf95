// A local PSP implementing the Banco Central's standard Pix API (github:bacen/pix-api
// openapi.yaml): HTTPS that requires a client certificate from its CA, OAuth2 client credentials
// at /oauth/token, PUT/GET /v2/cob/{txid}, PUT/GET /v2/cobv/{txid} (charge with due date, the
// boleto híbrido's Pix), GET /v2/pix/{e2eid}, PUT /v2/webhook/{chave}, and Pix
// Automático: POST /v2/locrec, POST /v2/rec, GET/PATCH /v2/rec/{idRec}, PUT/GET /v2/cobr/{txid},
// PUT /v2/webhookrec and /v2/webhookcobr. The test pays a charge (as a payer's bank would),
// approves or cancels a recurrence (as the payer in their bank app), settles or rejects a
// recurring charge, and decides whether, when and how often the webhooks are called.
import { randomBytes } from "node:crypto";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { createDynamicPix, hasError } from "pix-utils";
import type { TestPki } from "./test-ca";

export const PSP_CLIENT = { clientId: "lastmile", clientSecret: "s3cret" };

type Devolucao = {
  id: string;
  rtrId: string;
  valor: string;
  natureza: string;
  descricao?: string;
  horario: { solicitacao: string; liquidacao?: string };
  status: string;
  motivo?: string;
};
type Pix = {
  endToEndId: string;
  txid: string;
  valor: string;
  horario: string;
  devolucoes?: Devolucao[];
};
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

type CobV = {
  txid: string;
  revisao: number;
  status: string;
  calendario: { criacao: string; dataDeVencimento: string; validadeAposVencimento: number };
  devedor: Record<string, string>;
  recebedor: Record<string, string>;
  valor: { original: string; multa?: object; juros?: object };
  chave: string;
  location: string;
  pixCopiaECola: string;
  pix?: Pix[];
};

type Stamp = { status: string; data: string };
type Rec = {
  idRec: string;
  status: string;
  vinculo: { contrato: string; devedor: Record<string, string>; objeto?: string };
  calendario: { dataInicial: string; periodicidade: string; dataFinal?: string };
  politicaRetentativa: string;
  recebedor: { cnpj: string; nome: string };
  loc: { id: number; location: string; criacao: string; idRec: string };
  atualizacao: Stamp[];
  encerramento?: object;
};
type CobR = {
  idRec: string;
  txid: string;
  status: string;
  calendario: { criacao: string; dataDeVencimento: string };
  valor: { original: string };
  ajusteDiaUtil: boolean;
  politicaRetentativa: string;
  recebedor: Record<string, string>;
  infoAdicional?: string;
  atualizacao: Stamp[];
  pix?: Pix[];
  encerramento?: object;
};

const PERIODS = ["SEMANAL", "MENSAL", "TRIMESTRAL", "SEMESTRAL", "ANUAL"];
const isDate = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
const stamp = (status: string): Stamp => ({ status, data: new Date().toISOString() });

/** `today`: the PSP's date (YYYY-MM-DD) for the rule that a recurrence cannot start earlier. */
export async function startFakePixPsp(pki: TestPki, opts: { today?: () => string } = {}) {
  const pspToday = opts.today ?? (() => new Date().toISOString().slice(0, 10));
  const cobs = new Map<string, Cob>();
  const cobvs = new Map<string, CobV>();
  const locrecs = new Map<number, { id: number; location: string; criacao: string }>();
  const recs = new Map<string, Rec>();
  const cobrs = new Map<string, CobR>();
  const recWebhooks = { rec: "", cobr: "" };
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
          scope:
            "cob.write cob.read pix.read webhook.write rec.write rec.read cobr.write cobr.read payloadlocationrec.write webhookrec.write webhookcobr.write",
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
      m = /^\/v2\/cobv\/([^/]+)$/.exec(url);
      if (m && req.method === "PUT") {
        // The violations the API document lists for PUT /cobv/{txid} that a client can commit.
        const invalid = (detail: string) => problem(400, "CobVOperacaoInvalida", detail);
        const txid = m[1];
        if (!/^[a-zA-Z0-9]{26,35}$/.test(txid)) return invalid("txid inválido");
        const cal = body.calendario ?? {};
        if (!/^\d{4}-\d{2}-\d{2}$/.test(cal.dataDeVencimento ?? ""))
          return invalid("O campo cobv.calendario.dataDeVencimento não respeita o schema.");
        if (cal.dataDeVencimento < pspToday())
          return invalid(
            "O campo cobv.calendario.dataDeVencimento é anterior à data de criação da cobrança.",
          );
        if (cal.validadeAposVencimento !== undefined && !(cal.validadeAposVencimento >= 0))
          return invalid("O campo cobv.calendario.validadeAposVencimento é menor do que zero.");
        const v = body.valor ?? {};
        if (!/^\d{1,10}\.\d{2}$/.test(v.original ?? "") || !body.chave)
          return invalid("O campo cobv.valor.original não respeita o schema.");
        const pct = (x: { modalidade?: number; valorPerc?: string } | undefined, max: number) =>
          !x ||
          (Number.isInteger(x.modalidade) &&
            x.modalidade! >= 1 &&
            x.modalidade! <= max &&
            /^\d{1,10}\.\d{2}$/.test(x.valorPerc ?? ""));
        if (!pct(v.multa, 2)) return invalid("O objeto cobv.valor.multa não respeita o schema.");
        if (!pct(v.juros, 8)) return invalid("O objeto cobv.valor.juros não respeita o schema.");
        const d = body.devedor ?? {};
        if (!d.nome || (!/^\d{11}$/.test(d.cpf ?? "") && !/^[0-9A-Z]{14}$/.test(d.cnpj ?? "")))
          return invalid("O objeto cobv.devedor não respeita o schema.");
        if (cobvs.has(txid)) return send(200, cobvs.get(txid)!);
        const location = `pix.example.com/qr/v2/cobv/${randomBytes(16).toString("hex")}`;
        const code = createDynamicPix({
          merchantName: "PSP TEST",
          merchantCity: "BRASILIA",
          url: location,
        });
        if (hasError(code)) throw new Error("pix-utils refused the dynamic code");
        const cobv: CobV = {
          txid,
          revisao: 0,
          status: "ATIVA",
          calendario: {
            criacao: new Date().toISOString(),
            dataDeVencimento: cal.dataDeVencimento,
            validadeAposVencimento: cal.validadeAposVencimento ?? 30,
          },
          devedor: d,
          recebedor: { nome: "PSP TEST", cnpj: "12345678000195" },
          valor: v,
          chave: body.chave,
          location,
          pixCopiaECola: code.toBRCode(),
        };
        cobvs.set(txid, cobv);
        return send(201, cobv);
      }
      if (m && req.method === "GET") {
        const cobv = cobvs.get(m[1]);
        return cobv ? send(200, cobv) : problem(404, "NaoEncontrado", "Cobrança não encontrada");
      }
      m = /^\/v2\/pix\/([^/]+)\/devolucao\/([^/]+)$/.exec(url);
      if (m) {
        const pix = received.get(decodeURIComponent(m[1]));
        if (!pix) return problem(404, "NaoEncontrado", "Pix não encontrado");
        const id = decodeURIComponent(m[2]);
        const known = pix.devolucoes?.find((d) => d.id === id);
        if (req.method === "GET")
          return known
            ? send(200, known)
            : problem(404, "NaoEncontrado", "Devolução não encontrada");
        if (req.method !== "PUT") return problem(405, "MetodoNaoPermitido", req.method ?? "");
        if (known) return send(201, known);
        if (!/^[a-zA-Z0-9]{1,35}$/.test(id) || !/^\d{1,10}\.\d{2}$/.test(body.valor ?? ""))
          return problem(400, "DevolucaoOperacaoInvalida", "A requisição não respeita o schema.");
        const cents = (v: string) => Math.round(Number(v) * 100);
        const used = (pix.devolucoes ?? [])
          .filter((d) => d.status !== "NAO_REALIZADO")
          .reduce((sum, d) => sum + cents(d.valor), 0);
        if (used + cents(body.valor) > cents(pix.valor))
          return problem(
            400,
            "DevolucaoOperacaoInvalida",
            "A soma dos valores de todas as devoluções ultrapassa o valor total do Pix.",
          );
        const dev: Devolucao = {
          id,
          rtrId: `D12345678${randomBytes(12).toString("hex")}`.slice(0, 32),
          valor: body.valor,
          natureza: body.natureza ?? "ORIGINAL",
          descricao: body.descricao,
          horario: { solicitacao: new Date().toISOString() },
          status: "EM_PROCESSAMENTO",
        };
        pix.devolucoes = [...(pix.devolucoes ?? []), dev];
        return send(201, dev);
      }
      m = /^\/v2\/pix\/([^/]+)$/.exec(url);
      if (m && req.method === "GET") {
        const pix = received.get(decodeURIComponent(m[1]));
        return pix ? send(200, pix) : problem(404, "NaoEncontrado", "Pix não encontrado");
      }
      if (req.method === "POST" && url === "/v2/locrec") {
        const id = locrecs.size + 1;
        const loc = {
          id,
          location: `pix.example.com/qr/v2/rec/${randomBytes(16).toString("hex")}`,
          criacao: new Date().toISOString(),
        };
        locrecs.set(id, loc);
        return send(201, loc);
      }
      if (req.method === "POST" && url === "/v2/rec") {
        const invalid = (detail: string) => problem(400, "RecOperacaoInvalida", detail);
        const dev = body.vinculo?.devedor ?? {};
        if (!body.vinculo?.contrato || String(body.vinculo.contrato).length > 35)
          return invalid("O objeto rec.vinculo não respeita o schema.");
        if (!dev.nome || !(/^\d{11}$/.test(dev.cpf ?? "") || /^[0-9A-Z]{14}$/.test(dev.cnpj ?? "")))
          return invalid("O objeto rec.vinculo não respeita o schema.");
        const cal = body.calendario ?? {};
        if (!isDate(cal.dataInicial) || !PERIODS.includes(cal.periodicidade))
          return invalid("O campo rec.calendario.periodicidade não respeita o schema.");
        if (cal.dataInicial < pspToday())
          return invalid(
            "O campo rec.calendario.dataInicial é anterior à data de criação da recorrência.",
          );
        if (!["NAO_PERMITE", "PERMITE_3R_7D"].includes(body.politicaRetentativa))
          return invalid("O campo rec.politicaRetentativa não respeita o schema.");
        const loc = locrecs.get(Number(body.loc));
        if (!loc) return invalid("O location referenciado por rec.loc inexiste.");
        if ([...recs.values()].some((r) => r.loc.id === loc.id))
          return invalid(
            "O location referenciado por rec.loc já está sendo utilizado por outra recorrência.",
          );
        const today = new Date().toISOString().slice(0, 10).replace(/-/g, "");
        const idRec = `${body.politicaRetentativa === "NAO_PERMITE" ? "RN" : "RR"}12345678${today}${randomBytes(8).toString("hex").slice(0, 11)}`;
        const rec: Rec = {
          idRec,
          status: "CRIADA",
          vinculo: body.vinculo,
          calendario: cal,
          politicaRetentativa: body.politicaRetentativa,
          recebedor: { cnpj: "01602606113708", nome: "Provedor Vale Fibra LTDA" },
          loc: { ...loc, idRec },
          atualizacao: [stamp("CRIADA")],
        };
        recs.set(idRec, rec);
        return send(201, rec);
      }
      m = /^\/v2\/rec\/([^/?]+)$/.exec(url);
      if (m && req.method === "GET") {
        const rec = recs.get(m[1]);
        if (!rec) return problem(404, "NaoEncontrado", "Recorrência não encontrada");
        const code = createDynamicPix({
          merchantName: "PSP TEST",
          merchantCity: "BRASILIA",
          url: rec.loc.location,
        });
        if (hasError(code)) throw new Error("pix-utils refused the dynamic code");
        return send(200, {
          ...rec,
          dadosQR: { jornada: "JORNADA_2", pixCopiaECola: code.toBRCode() },
        });
      }
      if (m && req.method === "PATCH") {
        const rec = recs.get(m[1]);
        if (!rec) return problem(404, "NaoEncontrado", "Recorrência não encontrada");
        if (body.status !== "CANCELADA")
          return problem(400, "RecOperacaoInvalida", "O campo rec.status não respeita o schema.");
        if (!["CRIADA", "APROVADA"].includes(rec.status))
          return problem(400, "RecOperacaoInvalida", "A recorrência não pode ser cancelada.");
        endRec(rec, "CANCELADA", {
          cancelamento: {
            solicitante: "USUARIO_RECEBEDOR",
            codigo: "SLCR",
            descricao: "Cancelada pelo recebedor",
          },
        });
        return send(200, rec);
      }
      m = /^\/v2\/cobr\/([^/]+)$/.exec(url);
      if (m && req.method === "PUT") {
        const txid = m[1];
        const invalid = (detail: string) => problem(400, "CobROperacaoInvalida", detail);
        if (!/^[a-zA-Z0-9]{26,35}$/.test(txid)) return invalid("txid inválido");
        if (cobrs.has(txid)) return send(201, cobrs.get(txid)!);
        const rec = recs.get(body.idRec);
        if (!rec) return invalid("A recorrência referenciada por cobr.idRec inexiste.");
        if (rec.status !== "APROVADA")
          return invalid("A recorrência referenciada por cobr.idRec não está aprovada.");
        if (!isDate(body.calendario?.dataDeVencimento))
          return invalid("O campo cobr.calendario.dataDeVencimento não respeita o schema.");
        if (!/^\d{1,10}\.\d{2}$/.test(body.valor?.original ?? ""))
          return invalid("O campo cobr.valor.original não respeita o schema.");
        if (
          !body.recebedor?.conta ||
          !["CORRENTE", "POUPANCA", "PAGAMENTO"].includes(body.recebedor.tipoConta)
        )
          return invalid("O objeto cobr.recebedor não respeita o schema.");
        const cobr: CobR = {
          idRec: rec.idRec,
          txid,
          status: "ATIVA",
          calendario: {
            criacao: new Date().toISOString().slice(0, 10),
            dataDeVencimento: body.calendario.dataDeVencimento,
          },
          valor: { original: body.valor.original },
          ajusteDiaUtil: body.ajusteDiaUtil ?? true,
          politicaRetentativa: rec.politicaRetentativa,
          recebedor: body.recebedor,
          infoAdicional: body.infoAdicional,
          atualizacao: [stamp("CRIADA"), stamp("ATIVA")],
        };
        cobrs.set(txid, cobr);
        return send(201, cobr);
      }
      if (m && req.method === "GET") {
        const cobr = cobrs.get(m[1]);
        return cobr ? send(200, cobr) : problem(404, "NaoEncontrado", "Cobrança não encontrada");
      }
      if (req.method === "PUT" && (url === "/v2/webhookrec" || url === "/v2/webhookcobr")) {
        if (!body.webhookUrl) return problem(400, "WebhookOperacaoInvalida", "webhookUrl");
        recWebhooks[url === "/v2/webhookrec" ? "rec" : "cobr"] = body.webhookUrl;
        return send(200, {});
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

  function endRec(rec: Rec, status: string, encerramento: object) {
    rec.status = status;
    rec.encerramento = encerramento;
    rec.atualizacao.push(stamp(status));
    // Ending a recurrence cancels the collections still open under it.
    for (const c of cobrs.values())
      if (c.idRec === rec.idRec && ["CRIADA", "ATIVA"].includes(c.status)) {
        c.status = "CANCELADA";
        c.encerramento = {
          cancelamento: {
            solicitante: "PSP_RECEBEDOR",
            codigo: "ACCT",
            descricao: "Recorrência cancelada",
          },
        };
        c.atualizacao.push(stamp("CANCELADA"));
      }
  }

  const post = async (to: string, body: object) => {
    const r = await fetch(to, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: await r.json().catch(() => null) };
  };

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
    cobvs,
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
      const cob = cobs.get(txid) ?? cobvs.get(txid);
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
    /** The devolução settles (DEVOLVIDO) or fails (NAO_REALIZADO); returns its Pix for notify. */
    finishDevolucao(e2eid: string, id: string, status: "DEVOLVIDO" | "NAO_REALIZADO") {
      const pix = received.get(e2eid)!;
      const dev = pix.devolucoes!.find((d) => d.id === id)!;
      dev.status = status;
      if (status === "DEVOLVIDO") dev.horario.liquidacao = new Date().toISOString();
      else dev.motivo = "Conta do pagador encerrada";
      return pix;
    },
    recs,
    cobrs,
    recWebhooks,
    /** The payer approves the recurrence in their bank app (Jornada 2). */
    approveRec(idRec: string) {
      const rec = recs.get(idRec)!;
      rec.status = "APROVADA";
      rec.atualizacao.push(stamp("APROVADA"));
      return rec;
    },
    /** The payer refuses it, or cancels it later, in their bank app. */
    payerEndsRec(idRec: string, status: "REJEITADA" | "CANCELADA") {
      const rec = recs.get(idRec)!;
      endRec(
        rec,
        status,
        status === "REJEITADA"
          ? { rejeicao: { codigo: "AP13", descricao: "Rejeitada pelo usuário pagador" } }
          : {
              cancelamento: {
                solicitante: "USUARIO_PAGADOR",
                codigo: "ACCL",
                descricao: "Cancelada pelo usuário pagador",
              },
            },
      );
      return rec;
    },
    /** The payer's PSP debits the account on the due date: CONCLUIDA with its Pix. */
    settleCobr(txid: string) {
      const cobr = cobrs.get(txid)!;
      const pix = this.pay(txid, cobr.valor.original);
      cobr.status = "CONCLUIDA";
      cobr.pix = [pix];
      cobr.atualizacao.push(stamp("CONCLUIDA"));
      return pix;
    },
    /** The debit failed (e.g. AM04-like insufficient funds is reported as a rejection code). */
    rejectCobr(txid: string, codigo = "AM09", descricao = "Saldo insuficiente") {
      const cobr = cobrs.get(txid)!;
      cobr.status = "REJEITADA";
      cobr.encerramento = { rejeicao: { codigo, descricao } };
      cobr.atualizacao.push(stamp("REJEITADA"));
      return cobr;
    },
    /** Calls `{webhookrec}/rec` with these recurrences' current state. */
    notifyRec(idRecs: string[], to?: string) {
      const body = idRecs.map((id) => {
        const r = recs.get(id)!;
        return { idRec: r.idRec, status: r.status, atualizacao: r.atualizacao };
      });
      return post(`${to ?? recWebhooks.rec}/rec`, { recs: body });
    },
    /** Calls `{webhookcobr}/cobr` with these charges' current state. */
    notifyCobr(txids: string[], to?: string) {
      const body = txids.map((t) => {
        const c = cobrs.get(t)!;
        return { idRec: c.idRec, txid: c.txid, status: c.status, atualizacao: c.atualizacao };
      });
      return post(`${to ?? recWebhooks.cobr}/cobr`, { cobsr: body });
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The rail settings that point Pix at this fake PSP (mTLS with the test PKI), plus `config`. */
export function pixSettingsFor(
  psp: { baseUrl: string; tokenUrl: string },
  pki: TestPki,
  config: Record<string, unknown> = {},
) {
  return {
    pix: {
      enabled: true,
      config: {
        key: "cobranca@provedor.example",
        merchantName: "Provedor Vale Fibra",
        merchantCity: "Campinas",
        pspBaseUrl: psp.baseUrl,
        tokenUrl: psp.tokenUrl,
        clientId: PSP_CLIENT.clientId,
        caCertPem: pki.ca,
        ...config,
      },
      secrets: {
        clientSecret: PSP_CLIENT.clientSecret,
        clientCertPem: pki.clientCert,
        clientKeyPem: pki.clientKey,
      },
    },
  };
}
