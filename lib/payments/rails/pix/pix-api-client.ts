// A PSP's implementation of the Banco Central's standard Pix API (github:bacen/pix-api): OAuth2
// client credentials and every call over mutual TLS with the certificate the PSP issued. Problems
// come back as RFC 7807 bodies ({ title, detail, violacoes }); we surface their `detail`.
import "server-only";
import { Agent, request } from "node:https";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { LoadedPix } from "../load-rail";

export type Cob = {
  txid: string;
  status: "ATIVA" | "CONCLUIDA" | "REMOVIDA_PELO_USUARIO_RECEBEDOR" | "REMOVIDA_PELO_PSP";
  calendario: { criacao: string; expiracao: number };
  valor: { original: string };
  pixCopiaECola?: string;
  location?: string;
  pix?: PixReceived[];
};

/** A charge with a due date (`CobVGerada` / `CobVCompleta`, the fields we read). */
export type CobV = {
  txid: string;
  status: Cob["status"];
  calendario: { criacao: string; dataDeVencimento: string; validadeAposVencimento: number };
  valor: { original: string };
  pixCopiaECola?: string;
  location?: string;
  pix?: PixReceived[];
};

export type PixReceived = {
  endToEndId: string;
  txid?: string;
  valor: string;
  horario: string;
  infoPagador?: string;
};

/** A devolução (refund) of a received Pix (`Devolucao`). */
export type Devolucao = {
  id: string;
  rtrId: string;
  valor: string;
  status: "EM_PROCESSAMENTO" | "DEVOLVIDO" | "NAO_REALIZADO";
  motivo?: string;
  horario: { solicitacao: string; liquidacao?: string };
};

/** Pix Automático: a recurrence (`RecCompleta`, the fields we read). */
export type Rec = {
  idRec: string;
  status: "CRIADA" | "APROVADA" | "REJEITADA" | "EXPIRADA" | "CANCELADA";
  loc?: { id: number | string; location: string };
  encerramento?: {
    rejeicao?: { codigo: string; descricao: string };
    cancelamento?: { solicitante: string; codigo: string; descricao: string };
  };
  dadosQR?: { jornada: string; pixCopiaECola: string };
};

/** Pix Automático: a recurring charge (`CobRCompleta`, the fields we read). */
export type CobR = {
  idRec: string;
  txid: string;
  status: "CRIADA" | "ATIVA" | "CONCLUIDA" | "EXPIRADA" | "REJEITADA" | "CANCELADA";
  calendario: { criacao: string; dataDeVencimento: string };
  valor: { original: string };
  pix?: PixReceived[];
  encerramento?: {
    rejeicao?: { codigo: string; descricao: string };
    cancelamento?: { solicitante: string; codigo: string; descricao: string };
  };
};

type Reply = { status: number; body: Record<string, unknown> };

const tokens = new Map<string, { token: string; expiresAt: number }>();

export function pixApiClient(p: LoadedPix) {
  const { pspBaseUrl, tokenUrl, clientId, caCertPem } = p.config;
  const { clientSecret, clientCertPem, clientKeyPem } = p.secrets;
  if (!pspBaseUrl || !tokenUrl || !clientId || !clientSecret || !clientCertPem || !clientKeyPem)
    throw new AppError("SETUP_REQUIRED", "The Pix PSP is not fully configured.");
  const agent = new Agent({ cert: clientCertPem, key: clientKeyPem, ca: caCertPem || undefined });

  function send(method: string, url: string, headers: Record<string, string>, body?: string) {
    return new Promise<Reply>((resolve, reject) => {
      const req = request(url, { method, agent, headers, timeout: 15_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: Record<string, unknown> = {};
          try {
            json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            json = { detail: text.slice(0, 200) };
          }
          resolve({ status: res.statusCode ?? 0, body: json });
        });
      });
      req.on("timeout", () => req.destroy(new Error("timed out")));
      req.on("error", reject);
      req.end(body);
    }).catch((e: unknown) => {
      logger.warn({ err: e, url }, "pix psp unreachable");
      throw new AppError(
        "UNPROCESSABLE",
        `The Pix PSP could not be reached (${(e as Error).message}).`,
      );
    });
  }

  const refuse = (r: Reply) =>
    new AppError(
      "UNPROCESSABLE",
      `The Pix PSP refused the request: ${String(r.body.detail ?? r.body.title ?? r.status)}`,
    );

  /** A cached token unless `fresh` (Test connection must reach the provider). */
  async function token(fresh = false) {
    const cached = tokens.get(clientId!);
    if (!fresh && cached && cached.expiresAt > Date.now()) return cached.token;
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
    const r = await send(
      "POST",
      tokenUrl!,
      { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      "grant_type=client_credentials",
    );
    if (r.status !== 200 || typeof r.body.access_token !== "string") throw refuse(r);
    const life = (Number(r.body.expires_in) || 3600) * 1000 - 60_000;
    tokens.set(clientId!, { token: r.body.access_token, expiresAt: Date.now() + life });
    return r.body.access_token;
  }

  async function api(method: string, path: string, body?: object) {
    const r = await send(
      method,
      `${pspBaseUrl!.replace(/\/$/, "")}${path}`,
      { authorization: `Bearer ${await token()}`, "content-type": "application/json" },
      body ? JSON.stringify(body) : undefined,
    );
    return r;
  }

  return {
    token,
    async putCob(txid: string, body: object): Promise<Cob> {
      const r = await api("PUT", `/cob/${txid}`, body);
      if (r.status !== 201 && r.status !== 200) throw refuse(r);
      return r.body as Cob;
    },
    async putCobv(txid: string, body: object): Promise<CobV> {
      const r = await api("PUT", `/cobv/${txid}`, body);
      if (r.status !== 201 && r.status !== 200) throw refuse(r);
      return r.body as CobV;
    },
    async getCobv(txid: string): Promise<CobV> {
      const r = await api("GET", `/cobv/${txid}`);
      if (r.status !== 200) throw refuse(r);
      return r.body as CobV;
    },
    async getCob(txid: string): Promise<Cob> {
      const r = await api("GET", `/cob/${txid}`);
      if (r.status !== 200) throw refuse(r);
      return r.body as Cob;
    },
    /** The Pix as the PSP recorded it; null when it has no such endToEndId. */
    async getPix(e2eid: string): Promise<PixReceived | null> {
      const r = await api("GET", `/pix/${encodeURIComponent(e2eid)}`);
      if (r.status === 404) return null;
      if (r.status !== 200) throw refuse(r);
      return r.body as PixReceived;
    },
    /** `PUT /pix/{e2eid}/devolucao/{id}`: idempotent on our id. */
    async putDevolucao(e2eid: string, id: string, body: object): Promise<Devolucao> {
      const r = await api(
        "PUT",
        `/pix/${encodeURIComponent(e2eid)}/devolucao/${encodeURIComponent(id)}`,
        body,
      );
      if (r.status !== 201 && r.status !== 200) throw refuse(r);
      return r.body as Devolucao;
    },
    async getDevolucao(e2eid: string, id: string): Promise<Devolucao | null> {
      const r = await api(
        "GET",
        `/pix/${encodeURIComponent(e2eid)}/devolucao/${encodeURIComponent(id)}`,
      );
      if (r.status === 404) return null;
      if (r.status !== 200) throw refuse(r);
      return r.body as Devolucao;
    },
    async postLocrec(): Promise<{ id: number | string; location: string }> {
      const r = await api("POST", "/locrec");
      if (r.status !== 201) throw refuse(r);
      return r.body as { id: number | string; location: string };
    },
    async postRec(body: object): Promise<Rec> {
      const r = await api("POST", "/rec", body);
      if (r.status !== 201) throw refuse(r);
      return r.body as Rec;
    },
    /** The recurrence; null when the PSP has no such idRec. */
    async getRec(idRec: string): Promise<Rec | null> {
      const r = await api("GET", `/rec/${encodeURIComponent(idRec)}`);
      if (r.status === 404) return null;
      if (r.status !== 200) throw refuse(r);
      return r.body as Rec;
    },
    async patchRec(idRec: string, body: object): Promise<Rec> {
      const r = await api("PATCH", `/rec/${encodeURIComponent(idRec)}`, body);
      if (r.status !== 200) throw refuse(r);
      return r.body as Rec;
    },
    async putCobr(txid: string, body: object): Promise<CobR> {
      const r = await api("PUT", `/cobr/${txid}`, body);
      if (r.status !== 201 && r.status !== 200) throw refuse(r);
      return r.body as CobR;
    },
    /** The recurring charge; null when the PSP has no such txid. */
    async getCobr(txid: string): Promise<CobR | null> {
      const r = await api("GET", `/cobr/${txid}`);
      if (r.status === 404) return null;
      if (r.status !== 200) throw refuse(r);
      return r.body as CobR;
    },
    /** `PUT /webhookrec` and `/webhookcobr`: the PSP appends `/rec` and `/cobr`. */
    async putRecurrenceWebhooks(webhookUrl: string) {
      for (const path of ["/webhookrec", "/webhookcobr"]) {
        const r = await api("PUT", path, { webhookUrl });
        if (r.status >= 300) throw refuse(r);
      }
    },
    async putWebhook(key: string, webhookUrl: string) {
      const r = await api("PUT", `/webhook/${encodeURIComponent(key)}`, { webhookUrl });
      if (r.status >= 300) throw refuse(r);
    },
  };
}
