// RFC 5176 Dynamic Authorization client: one CoA-Request or Disconnect-Request to a NAS, with
// retransmission of the identical packet (same identifier and authenticator, as the RFC asks)
// and the answer verified against the shared secret. Vendor attributes are encoded by number,
// so no vendor dictionary files are needed at runtime.
import dgram from "node:dgram";
import { isIPv6 } from "node:net";
import radius from "radius";
import type { RadiusRow } from "./radius-groups";

export type DynAuthKind = "COA" | "DISCONNECT";
export type DynAuthOutcome = {
  result: "ACK" | "NAK" | "TIMEOUT" | "ERROR";
  errorCause: number | null;
  error: string | null;
  latencyMs: number | null;
};

// vendor id, attribute number, value type
const VSA: Record<string, [number, number, "string" | "integer"]> = {
  "Mikrotik-Rate-Limit": [14988, 8, "string"],
  "Mikrotik-Address-List": [14988, 19, "string"],
  "Cisco-AVPair": [9, 1, "string"],
  "WISPr-Bandwidth-Max-Up": [14122, 7, "integer"],
  "WISPr-Bandwidth-Max-Down": [14122, 8, "integer"],
};
const ERROR_CAUSE = 101;

function encodeAttribute(row: RadiusRow): unknown[] {
  const vsa = VSA[row.attribute];
  if (!vsa) return [row.attribute, row.value];
  const [vendor, id, type] = vsa;
  let value: Buffer;
  if (type === "integer") {
    value = Buffer.alloc(4);
    value.writeUInt32BE(Number(row.value));
  } else value = Buffer.from(row.value, "utf8");
  return ["Vendor-Specific", vendor, [[id, value]]];
}

export type DynAuthRequest = {
  kind: DynAuthKind;
  host: string;
  port: number;
  secret: string;
  /** Session identification (User-Name, Acct-Session-Id, …) and, for CoA, the new attributes. */
  attributes: RadiusRow[];
  /** Per attempt; three attempts in all. */
  timeoutMs?: number;
  attempts?: number;
};

export async function sendDynamicAuthorization(req: DynAuthRequest): Promise<DynAuthOutcome> {
  const code = req.kind === "COA" ? "CoA-Request" : "Disconnect-Request";
  let packet: Buffer;
  try {
    packet = radius.encode({
      code,
      secret: req.secret,
      identifier: Math.floor(Math.random() * 256),
      attributes: req.attributes.map(encodeAttribute),
    });
  } catch (e) {
    return { result: "ERROR", errorCause: null, error: String(e), latencyMs: null };
  }
  const socket = dgram.createSocket(isIPv6(req.host) ? "udp6" : "udp4");
  const started = performance.now();
  try {
    return await new Promise<DynAuthOutcome>((resolve) => {
      const attempts = req.attempts ?? 3;
      let sent = 0;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (outcome: DynAuthOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const failed = (error: string) =>
        finish({ result: "ERROR", errorCause: null, error, latencyMs: null });
      const send = () => {
        if (settled) return;
        if (sent++ >= attempts) {
          finish({ result: "TIMEOUT", errorCause: null, error: null, latencyMs: null });
          return;
        }
        socket.send(packet, req.port, req.host, (err) => err && failed(err.message));
        timer = setTimeout(send, req.timeoutMs ?? 1000);
      };
      socket.on("error", (err) => failed(err.message));
      socket.on("message", (msg) => {
        if (msg.length < 20 || msg[1] !== packet[1]) return; // not the answer to this request
        // A forged answer or one signed with another secret is ignored; a retry may still land.
        if (!radius.verify_response({ response: msg, request: packet, secret: req.secret })) return;
        const answer = radius.decode({ packet: msg, secret: req.secret });
        const raw = answer.raw_attributes.find(([type]) => Number(type) === ERROR_CAUSE);
        const acked = answer.code === "CoA-ACK" || answer.code === "Disconnect-ACK";
        finish({
          result: acked ? "ACK" : "NAK",
          errorCause: raw ? (raw[1] as Buffer).readUInt32BE(0) : null,
          error: acked ? null : String(answer.attributes["Error-Cause"] ?? answer.code),
          latencyMs: Math.round(performance.now() - started),
        });
      });
      send();
    });
  } finally {
    socket.close();
  }
}
