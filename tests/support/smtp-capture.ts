// A local SMTP server that keeps what it receives, so tests read mail as the recipient would.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpCapture = {
  url: string;
  messages: { raw: string; mail: ParsedMail }[];
  /** The newest message to `to`. */
  lastTo(to: string): { raw: string; mail: ParsedMail };
  close(): Promise<void>;
};

/** `delayMs`: how long the server takes to accept each message (a slow relay). */
export async function startSmtpCapture(opts: { delayMs?: number } = {}): Promise<SmtpCapture> {
  const messages: SmtpCapture["messages"] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        messages.push({ raw, mail: await simpleParser(raw) });
        setTimeout(done, opts.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    lastTo(to) {
      const found = messages.filter((m) => m.mail.to && JSON.stringify(m.mail.to).includes(to));
      if (!found.length) throw new Error(`no mail to ${to}`);
      return found[found.length - 1];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
