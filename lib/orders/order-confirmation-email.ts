// The confirmation email sent with the signed agreement. Plain text first (every client shows
// it); the HTML part is the same content, lightly formatted.
import { formatMoney } from "@/lib/money/format-money";
import type { Quote } from "./build-quote";

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export function orderConfirmationEmail(opts: {
  ispName: string;
  firstName: string;
  email: string;
  orderNumber: string;
  accountNumber: string;
  quote: Quote;
  locale: string;
  serviceAddress: string;
  paymentMethod: string;
  portalUrl: string;
}) {
  const money = (v: number) => formatMoney(v, opts.quote.currency, opts.locale);
  const lines = opts.quote.lines.map(
    (l) =>
      `  ${l.description}: ${money(l.totalAmount)}${l.interval ? ` per ${l.interval.toLowerCase()}` : " once-off"}`,
  );
  const text = [
    `Hello ${opts.firstName},`,
    "",
    `Thank you for choosing ${opts.ispName}. We have received order ${opts.orderNumber} for ${opts.serviceAddress}.`,
    "",
    ...lines,
    "",
    `Payment method: ${opts.paymentMethod}`,
    `Your account number: ${opts.accountNumber} (use it as the reference on any bank transfer)`,
    "",
    "What happens next: we will contact you to book the installation. Billing starts on the day your service is activated.",
    "Your signed agreement is attached as a PDF.",
    "",
    `Follow your order and manage your account at ${opts.portalUrl} (sign in with ${opts.email} and the password you chose).`,
    "",
    opts.ispName,
  ].join("\n");
  const html = `<div style="font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#1e293b;max-width:560px">
<p>Hello ${esc(opts.firstName)},</p>
<p>Thank you for choosing ${esc(opts.ispName)}. We have received order <strong>${esc(opts.orderNumber)}</strong> for ${esc(opts.serviceAddress)}.</p>
<table style="border-collapse:collapse;width:100%">${opts.quote.lines.map((l) => `<tr><td style="padding:4px 0;border-bottom:1px solid #e2e8f0">${esc(l.description)}</td><td style="padding:4px 0;border-bottom:1px solid #e2e8f0;text-align:right;font-variant-numeric:tabular-nums">${esc(money(l.totalAmount))}${l.interval ? ` / ${l.interval.toLowerCase()}` : " once-off"}</td></tr>`).join("")}</table>
<p>Payment method: ${esc(opts.paymentMethod)}<br>Account number: <strong>${esc(opts.accountNumber)}</strong></p>
<p>We will contact you to book the installation. Billing starts on the day your service is activated. Your signed agreement is attached.</p>
<p><a href="${esc(opts.portalUrl)}">Sign in to your account</a> with ${esc(opts.email)}.</p>
<p>${esc(opts.ispName)}</p></div>`;
  return { subject: `${opts.ispName}: order ${opts.orderNumber} received`, text, html };
}
