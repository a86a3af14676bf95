// The statement PDF for a date range, rendered on request (not stored: it is a view of the
// ledger, which only grows). Authorization is getStatement's.
import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { localLogo } from "@/lib/invoices/pdf/local-logo";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { getStatement } from "./get-statement";
import { StatementDocument, type StatementPdfData } from "./pdf/statement-document";
import { statementRangeSchema } from "./statement-schema";

export type RenderStatementPdfOptions = {
  actor: Actor;
  customerId: string;
  from: string;
  to: string;
};

export async function renderStatementPdf(opts: RenderStatementPdfOptions) {
  const range = statementRangeSchema.parse({ from: opts.from, to: opts.to });
  const st = await getStatement({ actor: opts.actor, customerId: opts.customerId, ...range });
  const [c, isp, issued] = await Promise.all([
    db.customer.findUniqueOrThrow({
      where: { id: opts.customerId },
      include: { billingAddress: true },
    }),
    db.ispSettings.findUniqueOrThrow({ where: { id: 1 } }),
    todayForIsp(),
  ]);
  const data: StatementPdfData = {
    isp: {
      ...isp,
      address: [isp.addressLine1, isp.addressLine2, isp.city, isp.postalCode, isp.region].filter(
        (x): x is string => !!x,
      ),
      bank: {
        name: isp.bankName,
        accountName: isp.bankAccountName,
        accountNumber: isp.bankAccountNumber,
        branchCode: isp.bankBranchCode,
        iban: isp.bankIban,
        bic: isp.bankBic,
      },
    },
    customer: { ...c, address: c.billingAddress },
    currency: c.currency,
    ...range,
    issued,
    opening: st.opening,
    closing: st.closing,
    lines: st.lines,
  };
  const pdf = await renderToBuffer(
    createElement(StatementDocument, {
      data,
      logo: await localLogo(isp.logoUrl),
    }) as Parameters<typeof renderToBuffer>[0],
  );
  return { pdf, filename: `statement-${c.accountNumber}-${range.from}-${range.to}.pdf` };
}
