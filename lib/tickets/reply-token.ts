// Threading replies by email: every ticket email carries "[T-000012 ref:<token>]" in its subject,
// and a reply (any mail client keeps the subject) names its ticket by that token. The token is
// random, so a guessed ticket number is not enough to write into someone's thread. Pure.
import { randomBytes } from "node:crypto";

export const newReplyToken = () => randomBytes(12).toString("base64url");

export const ticketEmailSubject = (t: { number: string; replyToken: string; subject: string }) =>
  `${t.subject} [${t.number} ref:${t.replyToken}]`;

const IN_SUBJECT = /\[[^\]\s]+ ref:([A-Za-z0-9_-]{16,64})\]/;
/** Also accepted in the recipient address, for inbound routes that use plus-addressing. */
const IN_ADDRESS = /\+ref-([A-Za-z0-9_-]{16,64})@/;

export function findReplyToken(subject: string, recipients: string[]): string | null {
  const s = IN_SUBJECT.exec(subject);
  if (s) return s[1];
  for (const r of recipients) {
    const a = IN_ADDRESS.exec(r);
    if (a) return a[1];
  }
  return null;
}

/** Written above the body of every ticket email; what a reply quotes below it is dropped. */
export const REPLY_MARKER = "##- Please type your reply above this line -##";

/** The new part of an emailed reply: above our marker, above "On … wrote:", without "> " lines. */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    if (line.includes(REPLY_MARKER.slice(3, 30))) break;
    if (/^On .+wrote:\s*$/.test(line.trim()) || /^-{2,}\s*Original Message\s*-{2,}/i.test(line))
      break;
    if (line.startsWith(">")) continue;
    out.push(line);
  }
  return out.join("\n").trim();
}
